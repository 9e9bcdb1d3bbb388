// A key figure with its label, coloured when it calls for attention.
export function Tile(props: { label: string; value: string | number; tone?: "warn" | "bad" }) {
  return (
    <div class={`tile ${props.tone ?? ""}`}>
      <span class="value">{props.value}</span>
      <span class="label">{props.label}</span>
    </div>
  );
}
