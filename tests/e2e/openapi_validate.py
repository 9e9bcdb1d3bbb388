"""Checks an answer against the schema docs/openapi.json declares for it.

Usage: openapi_validate.py SPEC METHOD PATH STATUS BODY_FILE. OpenAPI 3.0 schemas are turned into
JSON Schema first (`nullable`, component references); an answer with no declared JSON schema
fails, so that every documented answer stays described.
"""
import json
import sys

import jsonschema


def to_json_schema(node, components):
    if isinstance(node, list):
        return [to_json_schema(x, components) for x in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        return to_json_schema(components[name], components)
    out = {k: to_json_schema(v, components) for k, v in node.items()
           if k not in ("nullable", "example", "x-rcc-example")}
    if node.get("nullable"):
        return {"anyOf": [out, {"type": "null"}]}
    return out


def main():
    spec_file, method, path, status, body_file = sys.argv[1:6]
    spec = json.load(open(spec_file))
    components = spec["components"]["schemas"]
    responses = spec["paths"][path][method.lower()]["responses"]
    response = responses.get(status) or responses.get("default")
    if response is None:
        sys.exit(f"{method} {path}: status {status} is not documented")
    content = response.get("content", {})
    if "application/json" not in content:
        if "text/plain" in content:
            return
        sys.exit(f"{method} {path} {status}: no schema documented")
    schema = to_json_schema(content["application/json"]["schema"], components)
    body = json.load(open(body_file))
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(body), key=lambda e: e.path)
    for e in errors[:5]:
        # Under anyOf (a nullable member) the reason is in the branch that came closest.
        while e.context:
            branch = [c for c in e.context if c.validator_value != "null"] or e.context
            e = jsonschema.exceptions.best_match(branch)
        where = "/" + "/".join(str(p) for p in e.absolute_path)
        rule = "/".join(str(p) for p in e.absolute_schema_path)
        print(f"{method} {path} {status}: at {where} ({rule}): {e.message[:200]}", file=sys.stderr)
    if errors:
        sys.exit(1)


main()
