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
              { "name": "wave", "in": "query", "schema": { "type": "integer", "minimum": 1 } },
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
          },
          "patch": {
            "operationId": "updateVanguardGovernance",
            "summary": "Record a vanguard's governance and contracting (API token for that vanguard)",
            "security": [{ "apiToken": [] }],
            "parameters": [{ "name": "number", "in": "path", "required": true, "schema": { "type": "integer", "minimum": 1 } }],
            "requestBody": {
              "required": true,
              "content": { "application/json": { "schema": {
                "type": "object", "additionalProperties": false,
                "properties": {
                  "governance": { "type": ["string", "null"], "maxLength": 2000 },
                  "contracting": { "type": ["string", "null"], "enum": ["alliance", "capitated_budget", "accountable_care", null] }
                }
              } } }
            },
            "responses": {
              "200": { "description": "The vanguard as now recorded", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Vanguard" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" },
              "401": { "$ref": "#/components/responses/Unauthorized" },
              "403": { "$ref": "#/components/responses/Forbidden" },
              "404": { "$ref": "#/components/responses/NotFound" }
            }
          }
        },
        "/api/v1/returns": {
          "post": {
            "operationId": "submitReturns",
            "summary": "Submit monthly returns for the token's vanguard (CSV body, checked whole)",
            "description": "The body is CSV with the header area_code,metric_code,period,numerator,denominator (period YYYY-MM). Every row is checked before anything is written; any problem rejects the whole file with the row, column, value and reason of each (the first 100, and the total). Values sent again become new revisions; earlier ones are kept.",
            "security": [{ "apiToken": [] }],
            "requestBody": { "required": true, "content": { "text/csv": { "schema": { "type": "string" } } } },
            "responses": {
              "201": { "description": "Accepted as one submission", "content": { "application/json": { "schema": {
                "type": "object", "required": ["submission_id", "rows", "added", "revised", "unchanged"], "additionalProperties": false,
                "properties": {
                  "submission_id": { "type": "string", "format": "uuid" }, "rows": { "type": "integer" }, "added": { "type": "integer" },
                  "revised": { "type": "integer" }, "unchanged": { "type": "integer" }
                }
              } } } },
              "400": { "description": "Rejected whole; nothing was written", "content": { "application/json": { "schema": {
                "type": "object", "required": ["error", "status", "reason", "problems", "total"], "additionalProperties": false,
                "properties": {
                  "error": { "type": "boolean" }, "status": { "type": "integer" }, "reason": { "type": "string" }, "total": { "type": "integer" },
                  "problems": { "type": "array", "maxItems": 100, "items": {
                    "type": "object", "required": ["row", "reason"], "additionalProperties": false,
                    "properties": { "row": { "type": "integer" }, "column": { "type": ["string", "null"] }, "value": { "type": ["string", "null"] }, "reason": { "type": "string" } }
                  } }
                }
              } } } },
              "401": { "$ref": "#/components/responses/Unauthorized" },
              "403": { "$ref": "#/components/responses/Forbidden" }
            }
          }
        },
        "/api/v1/spc": {
          "post": {
            "operationId": "computeSPCChart",
            "summary": "A chart for one series: Making Data Count XmR (NHSRplotthedots 0.2.2 rules, the default), or a run, P, U, P′ or U′ chart (qicharts2 0.8.1)",
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "oneOf": [{ "$ref": "#/components/schemas/XmRInput" }, { "$ref": "#/components/schemas/AttributeChartInput" }] } } } },
            "responses": {
              "200": { "description": "The chart", "content": { "application/json": { "schema": { "oneOf": [{ "$ref": "#/components/schemas/XmRChart" }, { "$ref": "#/components/schemas/AttributeChart" }] } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }
            }
          }
        },
        "/api/v1/metrics": {
          "get": {
            "operationId": "listMetrics",
            "summary": "The metric framework",
            "responses": {
              "200": { "description": "Every metric", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Metric" } } } } }
            }
          }
        },
        "/api/v1/metrics/{code}": {
          "get": {
            "operationId": "getMetric",
            "summary": "One metric",
            "parameters": [{ "$ref": "#/components/parameters/metricCode" }],
            "responses": {
              "200": { "description": "The metric", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Metric" } } } },
              "404": { "$ref": "#/components/responses/NotFound" }
            }
          },
          "put": {
            "operationId": "updateMetric",
            "summary": "Edit a metric (programme token); every evaluation is recomputed",
            "description": "Numerator, denominator and multiplier are fixed: stored returns were collected against them.",
            "security": [{ "apiToken": [] }],
            "parameters": [{ "$ref": "#/components/parameters/metricCode" }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/MetricEdit" } } } },
            "responses": {
              "200": { "description": "The metric as now recorded", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Metric" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" },
              "401": { "$ref": "#/components/responses/Unauthorized" },
              "403": { "$ref": "#/components/responses/Forbidden" },
              "404": { "$ref": "#/components/responses/NotFound" }
            }
          }
        },
        "/api/v1/vanguards/{number}/rebases": {
          "get": {
            "operationId": "listRebasePoints",
            "summary": "The rebase points of a vanguard's charts",
            "parameters": [{ "$ref": "#/components/parameters/vanguardNumber" }],
            "responses": {
              "200": { "description": "Rebase points by metric, then month", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/RebasePoint" } } } } },
              "404": { "$ref": "#/components/responses/NotFound" }
            }
          },
          "post": {
            "operationId": "addRebasePoint",
            "summary": "Recalculate a chart's limits from a month, with a reason (programme token)",
            "security": [{ "apiToken": [] }],
            "parameters": [{ "$ref": "#/components/parameters/vanguardNumber" }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": {
              "type": "object", "required": ["metric", "period", "reason"], "additionalProperties": false,
              "properties": { "metric": { "type": "string" }, "period": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$" }, "reason": { "type": "string", "minLength": 1, "maxLength": 500 } }
            } } } },
            "responses": {
              "201": { "description": "The rebase point; the charts are recomputed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RebasePoint" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" },
              "401": { "$ref": "#/components/responses/Unauthorized" },
              "403": { "$ref": "#/components/responses/Forbidden" },
              "404": { "$ref": "#/components/responses/NotFound" }
            }
          }
        },
        "/api/v1/vanguards/{number}/rebases/{metric}/{period}": {
          "delete": {
            "operationId": "removeRebasePoint",
            "summary": "Remove a rebase point, with a reason (programme token)",
            "security": [{ "apiToken": [] }],
            "parameters": [
              { "$ref": "#/components/parameters/vanguardNumber" },
              { "name": "metric", "in": "path", "required": true, "schema": { "type": "string" } },
              { "name": "period", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$" } },
              { "name": "reason", "in": "query", "required": true, "description": "Why the rebase point no longer applies (kept in the audit log)", "schema": { "type": "string", "minLength": 1, "maxLength": 500 } }
            ],
            "responses": {
              "204": { "description": "Removed; the charts are recomputed" },
              "400": { "$ref": "#/components/responses/BadRequest" },
              "401": { "$ref": "#/components/responses/Unauthorized" },
              "403": { "$ref": "#/components/responses/Forbidden" },
              "404": { "$ref": "#/components/responses/NotFound" }
            }
          }
        },
        "/api/v1/search": {
          "get": {
            "operationId": "search",
            "summary": "Full-text search over posts, case studies, vanguards and organisations, best match first",
            "description": "Words only: punctuation and search operators are ignored, and every word must match (English stemming). Snippets come in pieces; pieces with isMatch true are the matched words.",
            "parameters": [{ "name": "q", "in": "query", "required": true, "schema": { "type": "string", "maxLength": 200 } }],
            "responses": {
              "200": { "description": "The results", "content": { "application/json": { "schema": {
                "type": "object", "required": ["query", "results"], "additionalProperties": false,
                "properties": {
                  "query": { "type": "string" },
                  "results": { "type": "array", "items": {
                    "type": "object", "required": ["kind", "title", "url", "rank", "snippet"], "additionalProperties": false,
                    "properties": {
                      "kind": { "type": "string", "enum": ["post", "vanguard", "organisation"] },
                      "title": { "type": "string" },
                      "url": { "type": "string", "format": "uri" },
                      "rank": { "type": "number" },
                      "snippet": { "type": "array", "items": {
                        "type": "object", "required": ["text", "isMatch"], "additionalProperties": false,
                        "properties": { "text": { "type": "string" }, "isMatch": { "type": "boolean" } }
                      } }
                    }
                  } }
                }
              } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }
            }
          }
        },
        "/api/v1/funding/rounds": {
          "get": {
            "operationId": "listFundingRounds",
            "summary": "Every funding round with its pot and what is allocated and released",
            "responses": {
              "200": { "description": "The rounds, newest first", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/FundingRoundSummary" } } } } }
            }
          }
        },
        "/api/v1/funding/rounds/{round}": {
          "get": {
            "operationId": "getFundingRound",
            "summary": "A funding round and every plan in it, with its sign-off and money",
            "parameters": [{ "name": "round", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }],
            "responses": {
              "200": { "description": "The round", "content": { "application/json": { "schema": {
                "type": "object", "required": ["round", "plans"], "additionalProperties": false,
                "properties": { "round": { "$ref": "#/components/schemas/FundingRoundSummary" }, "plans": { "type": "array", "items": { "$ref": "#/components/schemas/FundingPlanSummary" } } }
              } } } },
              "404": { "$ref": "#/components/responses/NotFound" }
            }
          }
        },
        "/api/v1/funding/plans/{plan}/allocation": {
          "post": {
            "operationId": "allocateFunding",
            "summary": "Allocate money to an eligible plan in tranches, each with an optional condition (programme token)",
            "description": "Refused for a plan not every partner has signed, beyond what is left in the pot, for amounts that are not positive, and for a condition naming an unknown metric. The ledger records the allocation; nothing is half-written.",
            "security": [{ "apiToken": [] }],
            "parameters": [{ "name": "plan", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": {
              "type": "object", "required": ["tranches"], "additionalProperties": false,
              "properties": { "tranches": { "type": "array", "minItems": 1, "items": {
                "type": "object", "required": ["quarter", "pounds"], "additionalProperties": false,
                "properties": { "quarter": { "type": "string", "examples": ["2017/18 Q3"] }, "pounds": { "type": "integer", "minimum": 1 },
                                "condition": { "oneOf": [{ "type": "null" }, { "$ref": "#/components/schemas/TrancheCondition" }] } }
              } } }
            } } } },
            "responses": {
              "201": { "description": "The tranches, each with its condition checked against today's evaluations", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Tranche" } } } } },
              "400": { "$ref": "#/components/responses/BadRequest" },
              "401": { "$ref": "#/components/responses/Unauthorized" },
              "403": { "$ref": "#/components/responses/Forbidden" },
              "404": { "$ref": "#/components/responses/NotFound" }
            }
          }
        },
        "/api/v1/calls": {
          "get": {
            "operationId": "listCalls",
            "summary": "Calls that have opened, each with its funnel and outcomes once closed",
            "responses": {
              "200": { "description": "Calls, as on their pages", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Call" } } } } }
            }
          }
        },
        "/api/v1/calls/{call}": {
          "get": {
            "operationId": "getCall",
            "summary": "One call that has opened",
            "parameters": [{ "name": "call", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }],
            "responses": {
              "200": { "description": "The call", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Call" } } } },
              "404": { "$ref": "#/components/responses/NotFound" }
            }
          }
        },
        "/api/v1/posts": {
          "get": {
            "operationId": "listPosts",
            "summary": "Published posts, case studies and evaluation reports, newest first",
            "parameters": [
              { "name": "kind", "in": "query", "schema": { "enum": ["blog", "news", "case_study", "evaluation_report"] } },
              { "name": "vanguard", "in": "query", "schema": { "type": "integer" } }
            ],
            "responses": {
              "200": { "description": "Posts with their Markdown and the safe HTML the pages show", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Post" } } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }
            }
          }
        },
        "/api/v1/posts/{slug}": {
          "get": {
            "operationId": "getPost",
            "summary": "One published post",
            "parameters": [{ "name": "slug", "in": "path", "required": true, "schema": { "type": "string" } }],
            "responses": {
              "200": { "description": "The post", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Post" } } } },
              "404": { "$ref": "#/components/responses/NotFound" }
            }
          }
        },
        "/api/v1/events": {
          "get": {
            "operationId": "listEvents",
            "summary": "Courses, webinars and open days with the places left (never who is coming)",
            "responses": {
              "200": { "description": "Events, soonest first", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Event" } } } } }
            }
          }
        },
        "/api/v1/innovations": {
          "get": {
            "operationId": "listInnovations",
            "summary": "Catalogued innovations with where they have been adopted",
            "responses": {
              "200": { "description": "Innovations", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Innovation" } } } } }
            }
          }
        },
        "/api/v1/innovations/{slug}": {
          "get": {
            "operationId": "getInnovation",
            "summary": "One innovation and its adoptions",
            "parameters": [{ "name": "slug", "in": "path", "required": true, "schema": { "type": "string" } }],
            "responses": {
              "200": { "description": "The innovation", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Innovation" } } } },
              "404": { "$ref": "#/components/responses/NotFound" }
            }
          }
        },
        "/api/v1/vanguards/{number}/evaluations": {
          "get": {
            "operationId": "getVanguardEvaluations",
            "summary": "A vanguard's dashboard as JSON: each metric's monthly figures, SPC chart and the rest of England (the CSV's figures)",
            "parameters": [{ "$ref": "#/components/parameters/vanguardNumber" }],
            "responses": {
              "200": { "description": "One entry per metric", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/VanguardEvaluation" } } } } },
              "404": { "$ref": "#/components/responses/NotFound" }
            }
          }
        },
        "/api/v1/impact": {
          "get": {
            "operationId": "listImpactEstimates",
            "summary": "Every stored impact estimate: synthetic control and matched comparison per vanguard and metric",
            "responses": {
              "200": { "description": "One line per vanguard and metric", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/ImpactSummary" } } } } }
            }
          }
        },
        "/api/v1/vanguards/{number}/impact/{metric}": {
          "get": {
            "operationId": "getImpactEstimate",
            "summary": "One vanguard's impact on one metric: series, placebos, weights, event study, verdicts and caveats",
            "parameters": [
              { "$ref": "#/components/parameters/vanguardNumber" },
              { "name": "metric", "in": "path", "required": true, "schema": { "type": "string" } }
            ],
            "responses": {
              "200": { "description": "The estimate", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ImpactEstimate" } } } },
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
          "metricCode": { "name": "code", "in": "path", "required": true, "schema": { "type": "string" } },
          "vanguardNumber": { "name": "number", "in": "path", "required": true, "schema": { "type": "integer", "minimum": 1 } },
          "region": { "name": "region", "in": "query", "description": "NHS England region code", "schema": { "type": "string", "pattern": "^E40[0-9]{6}$" } },
          "page": { "name": "page", "in": "query", "schema": { "type": "integer", "minimum": 1, "default": 1 } },
          "per": { "name": "per", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } }
        },
        "responses": {
          "BadRequest": { "description": "A query parameter is not allowed; the reason says what is", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "NotFound": { "description": "No such thing", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "Unauthorized": { "description": "No API token, or one that is not valid", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "Forbidden": { "description": "The token may not change this", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
        },
        "securitySchemes": {
          "apiToken": { "type": "http", "scheme": "bearer", "description": "A token created by a site lead for their vanguard, or a programme token created by a member of the programme team (shown once)" }
        },
        "schemas": {
          "Call": {
            "type": "object", "additionalProperties": false,
            "required": ["id", "title", "description", "opens_at", "closes_at", "phase", "care_models", "url", "funnel", "selected", "fast_followers"],
            "properties": {
              "id": { "type": "string", "format": "uuid" }, "title": { "type": "string" }, "description": { "type": "string", "description": "Markdown" },
              "opens_at": { "type": "string", "format": "date-time" }, "closes_at": { "type": "string", "format": "date-time" },
              "phase": { "enum": ["open", "closed"] }, "care_models": { "type": "array", "items": { "$ref": "#/components/schemas/CareModel" } },
              "url": { "type": "string" },
              "funnel": { "oneOf": [{ "type": "null" }, {
                "type": "object", "additionalProperties": false, "required": ["totals", "by_care_model", "by_region"],
                "properties": {
                  "totals": { "type": "object", "additionalProperties": { "type": "integer" } },
                  "by_care_model": { "type": "object", "additionalProperties": { "type": "object", "additionalProperties": { "type": "integer" } } },
                  "by_region": { "type": "object", "additionalProperties": { "type": "object", "additionalProperties": { "type": "integer" } } }
                } }] },
              "selected": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["partnership", "vanguard_number"],
                "properties": { "partnership": { "type": "string" }, "vanguard_number": { "type": "integer" } } } },
              "fast_followers": { "type": "array", "items": { "type": "string" } }
            }
          },
          "Post": {
            "type": "object", "additionalProperties": false,
            "required": ["slug", "kind", "title", "summary", "care_models", "categories", "work_streams", "metric_codes", "author", "published_at", "updated_at", "revision", "url", "markdown", "html"],
            "properties": {
              "slug": { "type": "string" }, "kind": { "enum": ["blog", "news", "case_study", "evaluation_report"] }, "title": { "type": "string" },
              "summary": { "type": "string" }, "vanguard_number": { "type": ["integer", "null"] },
              "care_models": { "type": "array", "items": { "$ref": "#/components/schemas/CareModel" } },
              "categories": { "type": "array", "items": { "type": "string" } }, "work_streams": { "type": "array", "items": { "type": "string" } },
              "metric_codes": { "type": "array", "items": { "type": "string" } }, "innovation": { "type": ["string", "null"] },
              "author": { "type": "string" }, "published_at": { "type": "string", "format": "date-time" }, "updated_at": { "type": "string", "format": "date-time" },
              "revision": { "type": "integer" }, "url": { "type": "string" },
              "markdown": { "type": "object", "additionalProperties": { "type": "string" } },
              "html": { "type": "object", "additionalProperties": { "type": "string" }, "description": "Safe HTML by field, rendered from the Markdown when saved" }
            }
          },
          "Event": {
            "type": "object", "additionalProperties": false,
            "required": ["id", "kind", "title", "description", "description_html", "starts_at", "ends_at", "capacity", "places_left", "url"],
            "properties": {
              "id": { "type": "string", "format": "uuid" }, "kind": { "enum": ["course", "webinar", "open_day"] }, "title": { "type": "string" },
              "description": { "type": "string" }, "description_html": { "type": "string" },
              "starts_at": { "type": "string", "format": "date-time" }, "ends_at": { "type": "string", "format": "date-time" },
              "place": { "type": ["string", "null"] }, "link": { "type": ["string", "null"] }, "capacity": { "type": "integer" },
              "places_left": { "type": "integer" }, "vanguard_number": { "type": ["integer", "null"] }, "url": { "type": "string" }
            }
          },
          "Innovation": {
            "type": "object", "additionalProperties": false, "required": ["slug", "name", "summary", "care_model", "origin_vanguard", "url", "adoptions"],
            "properties": {
              "slug": { "type": "string" }, "name": { "type": "string" }, "summary": { "type": "string" }, "care_model": { "$ref": "#/components/schemas/CareModel" },
              "origin_vanguard": { "type": "integer" }, "url": { "type": "string" },
              "adoptions": { "type": "array", "items": {
                "type": "object", "additionalProperties": false, "required": ["adopter", "area_code", "adopted_on", "area_changes"],
                "properties": {
                  "adopter": { "type": "string" }, "organisation_slug": { "type": ["string", "null"] }, "area_code": { "type": "string" },
                  "adopted_on": { "type": "string", "format": "date" },
                  "area_changes": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["metric_code", "is_in_points"],
                    "properties": { "metric_code": { "type": "string" }, "change": { "type": ["number", "null"] }, "is_in_points": { "type": "boolean" } } } }
                } } }
            }
          },
          "VanguardEvaluation": {
            "type": "object", "additionalProperties": false,
            "required": ["metric_code", "metric_name", "unit", "chart", "data", "variation_icon", "assurance_icon", "baseline_rate", "latest_year_rate", "change_against_baseline", "change_is_in_points", "months_left_out", "points"],
            "properties": {
              "metric_code": { "type": "string" }, "metric_name": { "type": "string" }, "unit": { "type": "string" },
              "chart": { "enum": ["xmr", "run", "p", "u", "pp", "up"], "description": "The chart the framework draws the metric on; centre, limits and special_cause are read from it" },
              "data": { "enum": ["generated", "returned"], "description": "generated: demonstration data, not real" },
              "variation_icon": { "type": ["string", "null"] }, "assurance_icon": { "type": ["string", "null"] },
              "baseline_rate": { "type": ["number", "null"] }, "latest_year_rate": { "type": ["number", "null"] },
              "change_against_baseline": { "type": ["number", "null"] }, "change_is_in_points": { "type": "boolean" },
              "months_left_out": { "type": "array", "items": { "type": "string" } },
              "points": { "type": "array", "items": {
                "type": "object", "additionalProperties": false,
                "required": ["period", "numerator", "denominator", "rate", "centre", "lower_limit", "upper_limit", "special_cause", "rest_of_england_rate"],
                "properties": {
                  "period": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$" }, "numerator": { "type": "number" }, "denominator": { "type": "number" },
                  "rate": { "type": "number" }, "centre": { "type": ["number", "null"] }, "lower_limit": { "type": ["number", "null"] },
                  "upper_limit": { "type": ["number", "null"] }, "special_cause": { "type": "string" }, "rest_of_england_rate": { "type": ["number", "null"] }
                } } }
            }
          },
          "FundingRoundSummary": {
            "type": "object", "additionalProperties": false,
            "required": ["id", "name", "pot_pounds", "allocated_pounds", "released_pounds", "opens_on", "closes_on"],
            "properties": {
              "id": { "type": "string", "format": "uuid" }, "name": { "type": "string" },
              "pot_pounds": { "type": "integer" }, "allocated_pounds": { "type": "integer" }, "released_pounds": { "type": "integer" },
              "opens_on": { "type": "string", "format": "date" }, "closes_on": { "type": "string", "format": "date" }
            }
          },
          "FundingPlanSummary": {
            "type": "object", "additionalProperties": false,
            "required": ["id", "place", "title", "version", "eligible", "signed", "waiting", "asked_pounds", "allocated_pounds", "released_pounds"],
            "properties": {
              "id": { "type": "string", "format": "uuid" },
              "place": { "type": "string", "description": "vanguard:{number}, or areas:{codes} for another partnership" },
              "title": { "type": "string" }, "version": { "type": "integer", "minimum": 1 },
              "eligible": { "type": "boolean", "description": "Every partner has signed the current version" },
              "signed": { "type": "array", "items": { "type": "string" } }, "waiting": { "type": "array", "items": { "type": "string" } },
              "asked_pounds": { "type": "integer" }, "allocated_pounds": { "type": "integer" }, "released_pounds": { "type": "integer" }
            }
          },
          "TrancheCondition": {
            "type": "object", "additionalProperties": false, "required": ["kind", "metric"],
            "properties": {
              "kind": { "enum": ["growth_below_rest_of_england", "latest_point_not_concern"] },
              "metric": { "type": "string", "description": "A metric code of the framework" },
              "points": { "type": ["number", "null"], "minimum": 0, "maximum": 100, "description": "For growth_below_rest_of_england: the margin in percentage points" }
            }
          },
          "Tranche": {
            "type": "object", "additionalProperties": false,
            "required": ["id", "quarter", "pounds", "condition", "status", "evidence", "condition_met"],
            "properties": {
              "id": { "type": "string", "format": "uuid" }, "quarter": { "type": "string" }, "pounds": { "type": "integer" },
              "condition": { "oneOf": [{ "type": "null" }, { "$ref": "#/components/schemas/TrancheCondition" }] },
              "status": { "enum": ["held", "released"] },
              "evidence": { "type": ["string", "null"] }, "condition_met": { "type": ["boolean", "null"] }
            }
          },
          "ImpactNumber": { "type": "object", "additionalProperties": false, "required": ["relative_effect", "lower", "upper", "is_reliable"],
            "properties": { "relative_effect": { "type": "number" }, "lower": { "type": "number" }, "upper": { "type": "number" }, "is_reliable": { "type": "boolean" }, "p_value": { "type": "number" } } },
          "ImpactSummary": {
            "type": "object", "additionalProperties": false, "required": ["vanguard_number", "metric_code", "synthetic", "difference_in_differences", "url"],
            "properties": {
              "vanguard_number": { "type": "integer" }, "metric_code": { "type": "string" }, "url": { "type": "string" },
              "synthetic": { "oneOf": [{ "$ref": "#/components/schemas/ImpactNumber" }, { "type": "null" }] },
              "difference_in_differences": { "oneOf": [{ "$ref": "#/components/schemas/ImpactNumber" }, { "type": "null" }] }
            }
          },
          "Verdict": { "type": "object", "required": ["is_reliable", "reason"], "properties": { "is_reliable": { "type": "boolean" }, "reason": { "type": "string" } } },
          "ImpactEstimate": {
            "type": "object", "required": ["vanguard_number", "metric_code", "start", "months", "caveats"],
            "properties": {
              "vanguard_number": { "type": "integer" }, "metric_code": { "type": "string" }, "start": { "type": "string" },
              "months": { "type": "array", "items": { "type": "string" } }, "caveats": { "type": "array", "items": { "type": "string" } },
              "synthetic": {
                "type": "object", "required": ["observed", "synthetic", "relative_effect", "lower", "upper", "p_value", "rank", "units", "ratio_p_value", "ratio_rank", "pre_rmspe", "weights", "placebo_gaps", "verdict"],
                "properties": {
                  "observed": { "type": "array", "items": { "type": "number" } }, "synthetic": { "type": "array", "items": { "type": "number" } },
                  "relative_effect": { "type": "number" }, "lower": { "type": "number" }, "upper": { "type": "number" }, "p_value": { "type": "number" },
                  "rank": { "type": "integer", "description": "The footprint's place among all units by the size of effect, 1 the largest; p_value is rank / units." },
                  "units": { "type": "integer" },
                  "ratio_p_value": { "type": "number", "description": "Abadie's placebo test: rank by post/pre-start error ratio, over units." },
                  "ratio_rank": { "type": "integer" }, "pre_rmspe": { "type": "number" },
                  "weights": { "type": "object", "additionalProperties": { "type": "number" } },
                  "placebo_gaps": { "type": "object", "additionalProperties": { "type": "array", "items": { "type": "number" } } },
                  "verdict": { "$ref": "#/components/schemas/Verdict" }
                }
              },
              "difference_in_differences": {
                "type": "object", "required": ["relative_effect", "lower", "upper", "clustered_standard_error", "placebos", "comparison_areas", "event_quarters", "event_effects", "pre_trend_p_value", "verdict"],
                "properties": {
                  "relative_effect": { "type": "number" }, "lower": { "type": "number" }, "upper": { "type": "number" },
                  "clustered_standard_error": { "type": "number" }, "placebos": { "type": "integer" },
                  "comparison_areas": { "type": "array", "items": { "type": "string" } }, "unmatched_areas": { "type": "array", "items": { "type": "string" } },
                  "event_quarters": { "type": "array", "items": { "type": "integer" } }, "event_effects": { "type": "array", "items": { "type": "number" } },
                  "pre_trend_p_value": { "type": "number", "description": "Share of placebo areas that drifted from their own comparisons before the start at least as far as the footprint did." }, "verdict": { "$ref": "#/components/schemas/Verdict" }
                }
              }
            }
          },
          "CareModel": { "type": "string", "enum": ["pacs", "mcp", "ehch", "uec", "acc"] },
          "Metric": {
            "type": "object", "additionalProperties": false,
            "required": ["code", "name", "definition", "numerator", "denominator", "unit", "multiplier", "direction", "care_models", "source", "target", "chart"],
            "properties": {
              "code": { "type": "string" }, "name": { "type": "string" }, "definition": { "type": "string" },
              "numerator": { "type": "string" }, "denominator": { "type": "string" }, "unit": { "type": "string" },
              "multiplier": { "type": "number" }, "direction": { "$ref": "#/components/schemas/Direction" },
              "care_models": { "type": "array", "items": { "$ref": "#/components/schemas/CareModel" } },
              "source": { "type": "string" }, "target": { "type": ["number", "null"] },
              "chart": { "$ref": "#/components/schemas/ChartKind" }
            }
          },
          "ChartKind": { "type": "string", "enum": ["xmr", "run", "p", "u", "pp", "up"], "description": "The SPC chart the framework draws a metric on: XmR, run (Anhøj), p, u, p′ or u′ (Laney)" },
          "MetricEdit": {
            "type": "object", "additionalProperties": false, "required": ["name", "definition", "unit", "direction", "care_models"],
            "properties": {
              "name": { "type": "string", "minLength": 1, "maxLength": 200 }, "definition": { "type": "string", "minLength": 1, "maxLength": 2000 },
              "unit": { "type": "string", "minLength": 1, "maxLength": 100 }, "direction": { "$ref": "#/components/schemas/Direction" },
              "care_models": { "type": "array", "minItems": 1, "items": { "$ref": "#/components/schemas/CareModel" } },
              "target": { "type": ["number", "null"] },
              "chart": { "$ref": "#/components/schemas/ChartKind" },
              "code": { "type": "string", "description": "Fixed for life: if sent, it must be the metric's own, or the edit is refused naming it" },
              "multiplier": { "type": "number", "description": "Fixed for life: if sent, it must be the metric's own, or the edit is refused naming it" },
              "numerator": { "type": "string", "description": "Fixed for life, as multiplier" },
              "denominator": { "type": "string", "description": "Fixed for life, as multiplier" },
              "source": { "type": "string", "description": "Fixed for life, as multiplier" }
            }
          },
          "Direction": { "type": "string", "enum": ["increase", "decrease", "neutral"] },
          "RebasePoint": {
            "type": "object", "additionalProperties": false, "required": ["metric", "period", "reason", "created_by", "created_at"],
            "properties": {
              "metric": { "type": "string" }, "period": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$" }, "reason": { "type": "string" },
              "created_by": { "type": "string" }, "created_at": { "type": "string", "format": "date-time" }
            }
          },
          "AttributeChartInput": {
            "type": "object", "required": ["chart"], "additionalProperties": false,
            "properties": {
              "chart": { "type": "string", "enum": ["run", "p", "u", "pp", "up"], "description": "pp is Laney's P′, up Laney's U′" },
              "values": { "type": "array", "items": { "type": ["number", "null"] }, "description": "run charts of plain values; null for a missing point" },
              "numerators": { "type": "array", "items": { "type": ["number", "null"] } },
              "denominators": { "type": "array", "items": { "type": ["number", "null"] } },
              "freeze": { "type": "integer", "minimum": 1, "description": "the leading points that fix the centre and limits (ignored with rebase_points)" },
              "rebase_points": { "type": "array", "items": { "type": "integer", "minimum": 0 }, "description": "0-based indices where a new part starts" },
              "exclude": { "type": "array", "items": { "type": "integer", "minimum": 0 }, "description": "0-based indices left out of the calculations" },
              "multiply": { "type": "number", "exclusiveMinimum": 0, "maximum": 1000000, "default": 1 },
              "screen_moving_ranges": { "type": "boolean", "default": true, "description": "P′ and U′: drop moving ranges of 3.267 × their mean or more" }
            }
          },
          "AttributeChart": {
            "type": "object", "additionalProperties": false, "required": ["chart", "runs_signal", "sigma_signals", "parts", "points"],
            "properties": {
              "chart": { "type": "string", "enum": ["run", "p", "u", "pp", "up"] },
              "runs_signal": { "type": "boolean" },
              "sigma_signals": { "type": ["integer", "null"] },
              "parts": { "type": "array", "items": {
                "type": "object", "additionalProperties": false,
                "required": ["part", "start_index", "end_index", "n_obs", "n_useful", "centre", "longest_run", "longest_run_max", "crossings", "crossings_min", "runs_signal", "sigma_signals", "average_lcl", "average_ucl", "laney"],
                "properties": {
                  "part": { "type": "integer" }, "start_index": { "type": "integer" }, "end_index": { "type": "integer" },
                  "n_obs": { "type": "integer" }, "n_useful": { "type": "integer" }, "centre": { "$ref": "#/components/schemas/NullableNumber" },
                  "longest_run": { "type": ["integer", "null"] }, "longest_run_max": { "type": ["integer", "null"] },
                  "crossings": { "type": ["integer", "null"] }, "crossings_min": { "type": ["integer", "null"] },
                  "runs_signal": { "type": "boolean" }, "sigma_signals": { "type": "integer" },
                  "average_lcl": { "$ref": "#/components/schemas/NullableNumber" }, "average_ucl": { "$ref": "#/components/schemas/NullableNumber" },
                  "laney": { "oneOf": [{ "type": "null" }, { "type": "object", "additionalProperties": false, "required": ["average_moving_range", "sigma_z", "moving_ranges"],
                    "properties": { "average_moving_range": { "$ref": "#/components/schemas/NullableNumber" }, "sigma_z": { "$ref": "#/components/schemas/NullableNumber" }, "moving_ranges": { "type": "integer" } } }] }
                }
              } },
              "points": { "type": "array", "items": {
                "type": "object", "additionalProperties": false,
                "required": ["value", "centre", "lcl", "ucl", "lcl_95", "ucl_95", "sigma_signal", "runs_signal", "part", "baseline", "included", "side"],
                "properties": {
                  "value": { "$ref": "#/components/schemas/NullableNumber" }, "centre": { "$ref": "#/components/schemas/NullableNumber" },
                  "lcl": { "$ref": "#/components/schemas/NullableNumber" }, "ucl": { "$ref": "#/components/schemas/NullableNumber" },
                  "lcl_95": { "$ref": "#/components/schemas/NullableNumber" }, "ucl_95": { "$ref": "#/components/schemas/NullableNumber" },
                  "sigma_signal": { "type": ["boolean", "null"], "description": "null on run charts, which have no limits" },
                  "runs_signal": { "type": "boolean", "description": "the part's runs signal, as qicharts2 marks every point of the part" },
                  "part": { "type": "integer" }, "baseline": { "type": "boolean" }, "included": { "type": "boolean" },
                  "side": { "type": ["integer", "null"], "enum": [-1, 0, 1, null] }
                }
              } }
            }
          },
          "XmRInput": {
            "type": "object", "required": ["values"], "additionalProperties": false,
            "properties": {
              "chart": { "const": "xmr", "description": "optional: XmR is the default" },
              "values": { "type": "array", "minItems": 1, "items": { "type": ["number", "null"] }, "description": "the series in date order; null for a missing month" },
              "improvement_direction": { "type": "string", "enum": ["increase", "decrease", "neutral"], "default": "increase" },
              "target": { "type": ["number", "null"] },
              "rebase_points": { "type": "array", "items": { "type": "integer", "minimum": 0 }, "description": "0-based indices where a new group starts" },
              "screen_outliers": { "type": "boolean", "default": true },
              "fix_after_n_points": { "type": ["integer", "null"], "minimum": 12 }
            }
          },
          "NullableNumber": { "type": ["number", "null"] },
          "XmRChart": {
            "type": "object",
            "required": ["mean", "lpl", "upl", "groups", "points", "variation_icon", "assurance_type", "assurance_icon", "warnings"],
            "additionalProperties": false,
            "properties": {
              "mean": { "$ref": "#/components/schemas/NullableNumber" },
              "lpl": { "$ref": "#/components/schemas/NullableNumber" },
              "upl": { "$ref": "#/components/schemas/NullableNumber" },
              "groups": {
                "type": "array",
                "items": {
                  "type": "object", "additionalProperties": false,
                  "required": ["rebase_group", "start_index", "end_index", "n", "mean", "amr", "lpl", "upl", "nlpl", "nupl", "short_group_warning"],
                  "properties": {
                    "rebase_group": { "type": "integer" }, "start_index": { "type": "integer" }, "end_index": { "type": "integer" }, "n": { "type": "integer" },
                    "mean": { "$ref": "#/components/schemas/NullableNumber" }, "amr": { "$ref": "#/components/schemas/NullableNumber" },
                    "lpl": { "$ref": "#/components/schemas/NullableNumber" }, "upl": { "$ref": "#/components/schemas/NullableNumber" },
                    "nlpl": { "$ref": "#/components/schemas/NullableNumber" }, "nupl": { "$ref": "#/components/schemas/NullableNumber" },
                    "short_group_warning": { "type": "boolean" }
                  }
                }
              },
              "points": {
                "type": "object", "additionalProperties": false,
                "required": ["mean", "lpl", "upl", "outside_limits", "relative_to_mean", "close_to_limits", "special_cause_type", "special_cause_flag", "point_type"],
                "properties": {
                  "mean": { "type": "array", "items": { "$ref": "#/components/schemas/NullableNumber" } },
                  "lpl": { "type": "array", "items": { "$ref": "#/components/schemas/NullableNumber" } },
                  "upl": { "type": "array", "items": { "$ref": "#/components/schemas/NullableNumber" } },
                  "outside_limits": { "type": "array", "items": { "type": ["boolean", "null"] } },
                  "relative_to_mean": { "type": "array", "items": { "type": ["number", "null"], "enum": [-1, 0, 1, null] } },
                  "close_to_limits": { "type": "array", "items": { "type": ["boolean", "null"] } },
                  "special_cause_type": { "type": "array", "items": { "type": "string", "enum": ["Common Cause", "Above UCL", "Below LCL", "7 Point Trend (Increasing)", "7 Point Trend (Decreasing)", "2 in 3 Above CL", "2 in 3 Below CL", "7 Points Above CL", "7 Points Below CL"] } },
                  "special_cause_flag": { "type": "array", "items": { "type": "boolean" } },
                  "point_type": { "type": "array", "items": { "type": "string", "enum": ["common_cause", "special_cause_improvement", "special_cause_concern", "special_cause_neutral_high", "special_cause_neutral_low"] } }
                }
              },
              "variation_icon": { "type": "string", "enum": ["common_cause", "improvement_high", "improvement_low", "concern_high", "concern_low", "neutral_high", "neutral_low"] },
              "assurance_type": { "type": ["string", "null"], "enum": ["consistent_pass", "consistent_fail", "inconsistent", null] },
              "assurance_icon": { "type": ["string", "null"], "enum": ["pass", "fail", "inconsistent", null] },
              "warnings": { "type": ["array", "null"], "items": { "type": "string" } }
            }
          },
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
              "wave": { "type": "integer", "minimum": 1, "description": "1–3 are 2015's waves; later selections make later waves" }, "announced": { "type": "string", "format": "date" },
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
              "wave": { "type": "integer", "minimum": 1, "description": "1–3 are 2015's waves; later selections make later waves" }, "announced": { "type": "string", "format": "date" },
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
