// The rcc dashboard: one page, rendered by Preact into #app.
import { render } from "preact";
import { App } from "./app";
import "./styles.css";

render(<App />, document.getElementById("app")!);
