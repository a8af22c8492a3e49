import Foundation

/// The OpenAPI 3.1 description of `/api/v1`. The test suite validates it and checks real
/// responses against its schemas, so it cannot drift from what the API sends.
enum OpenAPIDocument {
    static let json = Data(text.utf8)

    static let text = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Vanguard API",
        "version": "1.0.0",
        "description": "The registry of NHS England's 2015 new care models vanguards: vanguards, sub-ICB locations and partner organisations. Lists are paged with `page` (from 1) and `per` (1–100) and answer in Fluent's Page shape.",
        "license": { "name": "Data: Open Government Licence v3.0; contains ONS data © Crown copyright", "identifier": "OGL-UK-3.0" }
      },
      "servers": [{ "url": "/" }],
      "paths": {
        "/api/v1/vanguards": {
          "get": {
            "operationId": "listVanguards",
            "summary": "List vanguards",
            "parameters": [
              { "$ref": "#/components/parameters/careModel" },
              { "name": "wave", "in": "query", "schema": { "type": "integer", "enum": [1, 2, 3] } },
              { "$ref": "#/components/parameters/region" },
              { "name": "q", "in": "query", "description": "Words that must all appear in the name, footprint or partners.", "schema": { "type": "string" } },
              { "$ref": "#/components/parameters/page" },
              { "$ref": "#/components/parameters/per" }
            ],
            "responses": {
              "200": { "description": "A page of vanguards", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/VanguardPage" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }
            }
          }
        },
        "/api/v1/vanguards/{number}": {
          "get": {
            "operationId": "getVanguard",
            "summary": "One vanguard with its footprint and partners",
            "parameters": [{ "name": "number", "in": "path", "required": true, "schema": { "type": "integer", "minimum": 1 } }],
            "responses": {
              "200": { "description": "The vanguard", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Vanguard" } } } },
              "404": { "$ref": "#/components/responses/NotFound" }
            }
          }
        },
        "/api/v1/areas": {
          "get": {
            "operationId": "listAreas",
            "summary": "List sub-ICB locations",
            "parameters": [
              { "name": "icb", "in": "query", "schema": { "type": "string", "pattern": "^E54[0-9]{6}$" } },
              { "$ref": "#/components/parameters/region" },
              { "$ref": "#/components/parameters/careModel" },
              { "name": "covered", "in": "query", "description": "Only areas with (true) or without (false) a vanguard.", "schema": { "type": "string", "enum": ["true", "false"] } },
              { "$ref": "#/components/parameters/page" },
              { "$ref": "#/components/parameters/per" }
            ],
            "responses": {
              "200": { "description": "A page of areas", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/AreaPage" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }
            }
          }
        },
        "/api/v1/areas/{code}": {
          "get": {
            "operationId": "getArea",
            "summary": "One sub-ICB location",
            "parameters": [{ "name": "code", "in": "path", "required": true, "schema": { "type": "string" } }],
            "responses": {
              "200": { "description": "The area", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Area" } } } },
              "404": { "$ref": "#/components/responses/NotFound" }
            }
          }
        },
        "/api/v1/organisations": {
          "get": {
            "operationId": "listOrganisations",
            "summary": "List partner organisations",
            "parameters": [
              { "name": "sector", "in": "query", "schema": { "$ref": "#/components/schemas/Sector" } },
              { "name": "q", "in": "query", "schema": { "type": "string" } },
              { "$ref": "#/components/parameters/page" },
              { "$ref": "#/components/parameters/per" }
            ],
            "responses": {
              "200": { "description": "A page of organisations", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/OrganisationPage" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }
            }
          }
        },
        "/api/v1/organisations/{slug}": {
          "get": {
            "operationId": "getOrganisation",
            "summary": "One partner organisation",
            "parameters": [{ "name": "slug", "in": "path", "required": true, "schema": { "type": "string" } }],
            "responses": {
              "200": { "description": "The organisation", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Organisation" } } } },
              "404": { "$ref": "#/components/responses/NotFound" }
            }
          }
        }
      },
      "components": {
        "parameters": {
          "careModel": { "name": "care_model", "in": "query", "schema": { "$ref": "#/components/schemas/CareModel" } },
          "region": { "name": "region", "in": "query", "description": "NHS England region code", "schema": { "type": "string", "pattern": "^E40[0-9]{6}$" } },
          "page": { "name": "page", "in": "query", "schema": { "type": "integer", "minimum": 1, "default": 1 } },
          "per": { "name": "per", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } }
        },
        "responses": {
          "BadRequest": { "description": "A query parameter is not allowed; the reason says what is", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "NotFound": { "description": "No such thing", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
        },
        "schemas": {
          "CareModel": { "type": "string", "enum": ["pacs", "mcp", "ehch", "uec", "acc"] },
          "Sector": { "type": "string", "enum": ["commissioner", "acute_trust", "community", "mental_health", "primary_care", "local_authority", "voluntary_sector", "ambulance", "care_homes", "unclassified"] },
          "Confidence": { "type": "string", "enum": ["sourced", "partial", "lead_org_unverified"] },
          "Error": {
            "type": "object", "required": ["error", "status", "reason"], "additionalProperties": false,
            "properties": { "error": { "type": "boolean" }, "status": { "type": "integer" }, "reason": { "type": "string" } }
          },
          "PageMetadata": {
            "type": "object", "required": ["page", "per", "total"], "additionalProperties": false,
            "properties": { "page": { "type": "integer", "minimum": 1 }, "per": { "type": "integer", "minimum": 1, "maximum": 100 }, "total": { "type": "integer", "minimum": 0 } }
          },
          "CodeName": {
            "type": "object", "required": ["code", "name"], "additionalProperties": false,
            "properties": { "code": { "type": "string" }, "name": { "type": "string" } }
          },
          "VanguardRef": {
            "type": "object", "required": ["number", "name", "care_model", "url"], "additionalProperties": false,
            "properties": { "number": { "type": "integer" }, "name": { "type": "string" }, "care_model": { "$ref": "#/components/schemas/CareModel" }, "url": { "type": "string" } }
          },
          "VanguardSummary": {
            "type": "object", "required": ["number", "name", "care_model", "wave", "announced", "regions", "confidence", "url"], "additionalProperties": false,
            "properties": {
              "number": { "type": "integer" }, "name": { "type": "string" }, "care_model": { "$ref": "#/components/schemas/CareModel" },
              "wave": { "type": "integer", "enum": [1, 2, 3] }, "announced": { "type": "string", "format": "date" },
              "regions": { "type": "array", "items": { "$ref": "#/components/schemas/CodeName" } },
              "confidence": { "$ref": "#/components/schemas/Confidence" }, "url": { "type": "string" }
            }
          },
          "Vanguard": {
            "type": "object",
            "required": ["number", "name", "care_model", "care_model_name", "wave", "announced", "area_description", "region_description", "regions", "areas", "partners", "lead_organisations_as_written", "confidence", "sources", "html"],
            "additionalProperties": false,
            "properties": {
              "number": { "type": "integer" }, "name": { "type": "string" },
              "care_model": { "$ref": "#/components/schemas/CareModel" }, "care_model_name": { "type": "string" },
              "wave": { "type": "integer", "enum": [1, 2, 3] }, "announced": { "type": "string", "format": "date" },
              "area_description": { "type": "string" }, "region_description": { "type": "string" },
              "regions": { "type": "array", "items": { "$ref": "#/components/schemas/CodeName" } },
              "areas": {
                "type": "array",
                "items": {
                  "type": "object", "required": ["code", "name", "ccg2015", "basis", "confidence"], "additionalProperties": false,
                  "properties": {
                    "code": { "type": "string" }, "name": { "type": "string" }, "ccg2015": { "type": "array", "items": { "type": "string" } },
                    "basis": { "type": "string" }, "confidence": { "type": "string", "enum": ["high", "medium", "low"] }
                  }
                }
              },
              "partners": {
                "type": "array",
                "items": {
                  "type": "object", "required": ["slug", "name", "sector", "is_lead", "as_written"], "additionalProperties": false,
                  "properties": {
                    "slug": { "type": "string" }, "name": { "type": "string" }, "sector": { "$ref": "#/components/schemas/Sector" },
                    "ods_code": { "type": ["string", "null"] }, "is_lead": { "type": "boolean" }, "as_written": { "type": "string" }
                  }
                }
              },
              "lead_organisations_as_written": { "type": "string" },
              "governance": { "type": ["string", "null"] },
              "contracting": { "type": ["string", "null"], "enum": ["alliance", "capitated_budget", "accountable_care", null] },
              "confidence": { "$ref": "#/components/schemas/Confidence" },
              "sources": { "type": "array", "items": { "type": "string" } },
              "notes": { "type": ["string", "null"] },
              "html": { "type": "string" }
            }
          },
          "Area": {
            "type": "object", "required": ["code", "name", "lsoa_count", "vanguards", "html"], "additionalProperties": false,
            "properties": {
              "code": { "type": "string", "pattern": "^E38[0-9]{6}$" }, "name": { "type": "string" }, "ods_code": { "type": ["string", "null"] },
              "icb": { "oneOf": [{ "$ref": "#/components/schemas/CodeName" }, { "type": "null" }] },
              "region": { "oneOf": [{ "$ref": "#/components/schemas/CodeName" }, { "type": "null" }] },
              "lsoa_count": { "type": "integer", "minimum": 0 },
              "vanguards": { "type": "array", "items": { "$ref": "#/components/schemas/VanguardRef" } },
              "html": { "type": "string" }
            }
          },
          "Organisation": {
            "type": "object", "required": ["slug", "name", "sector", "vanguards", "html"], "additionalProperties": false,
            "properties": {
              "slug": { "type": "string" }, "name": { "type": "string" }, "sector": { "$ref": "#/components/schemas/Sector" },
              "ods_code": { "type": ["string", "null"] },
              "vanguards": { "type": "array", "items": { "$ref": "#/components/schemas/VanguardRef" } },
              "html": { "type": "string" }
            }
          },
          "VanguardPage": {
            "type": "object", "required": ["items", "metadata"], "additionalProperties": false,
            "properties": { "items": { "type": "array", "items": { "$ref": "#/components/schemas/VanguardSummary" } }, "metadata": { "$ref": "#/components/schemas/PageMetadata" } }
          },
          "AreaPage": {
            "type": "object", "required": ["items", "metadata"], "additionalProperties": false,
            "properties": { "items": { "type": "array", "items": { "$ref": "#/components/schemas/Area" } }, "metadata": { "$ref": "#/components/schemas/PageMetadata" } }
          },
          "OrganisationPage": {
            "type": "object", "required": ["items", "metadata"], "additionalProperties": false,
            "properties": { "items": { "type": "array", "items": { "$ref": "#/components/schemas/Organisation" } }, "metadata": { "$ref": "#/components/schemas/PageMetadata" } }
          }
        }
      }
    }
    """#
}
