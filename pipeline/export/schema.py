"""`schemas/disease_profile.schema.json`: the JSON Schema generated from the pydantic models (`make schema`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from schemas.profile import DiseaseProfile

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schemas" / "disease_profile.schema.json"


def schema_text() -> str:
    return json.dumps(DiseaseProfile.model_json_schema(), indent=2, sort_keys=True) + "\n"


def main() -> int:
    SCHEMA_PATH.write_text(schema_text())
    print(f"wrote {SCHEMA_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
