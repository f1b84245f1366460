/// JSON Schemas (draft 2020-12) of `plan.yaml` and of `audiences/*.yaml`, for editors with YAML
/// language support: completion, hover docs and validation while typing.
///
/// They mirror what the readers accept (same keys, required fields, notation), so an editor
/// warning means `golive check` would complain too. What a schema cannot see — references between
/// files, impossible dates such as 2027-02-30, an audience language missing from the project —
/// is left to `golive check`.
///
/// Written by hand, not generated, so the text stays readable and its key order never moves.
/// Dates are patterns on strings: editors read YAML 1.2 (core schema), where `2027-03-19` is text.
public enum Schema {
    /// `plan.schema.json`.
    public static let plan: String = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://golive.example/schemas/plan.schema.json",
  "title": "GoLive plan (plan.yaml)",
  "description": "The go-live plan of one project: project, Go/No-Go decision, deployment waves, cutover runbook, communications, training, hypercare, support and guides.",
  "type": "object",
  "required": ["project", "decision", "deployment"],
  "additionalProperties": false,
  "properties": {
    "project": {
      "description": "The project being deployed.",
      "type": "object",
      "required": ["name", "code", "languages", "timezone"],
      "additionalProperties": false,
      "properties": {
        "name": {
          "description": "Project name as readers see it, e.g. \"Atlas — new collections workstation\".",
          "type": "string",
          "minLength": 1
        },
        "code": {
          "description": "Short code used in email subjects and calendar UIDs: letters, digits, '-' or '_', e.g. ATLAS.",
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]+$"
        },
        "organisation": {
          "description": "The organisation or department that changes tool.",
          "type": "string"
        },
        "sponsor": {
          "$ref": "#/$defs/person",
          "description": "The project's sponsor: name and role."
        },
        "summary": {
          "$ref": "#/$defs/markdown",
          "description": "Why we change, in two or three sentences (Markdown)."
        },
        "benefits": {
          "$ref": "#/$defs/markdownList",
          "description": "What users gain, one item per benefit (Markdown)."
        },
        "languages": {
          "description": "Languages of the documents; the first one is the default language.",
          "type": "array",
          "items": { "$ref": "#/$defs/language" },
          "minItems": 1,
          "uniqueItems": true
        },
        "timezone": {
          "description": "IANA timezone name of every time in the plan, e.g. Europe/Paris.",
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$",
          "examples": ["Europe/Paris", "Europe/London", "Europe/Brussels", "America/Montreal", "UTC"]
        }
      }
    },
    "decision": {
      "description": "Outcome of the Go/No-Go meeting.",
      "type": "object",
      "required": ["status"],
      "additionalProperties": false,
      "properties": {
        "status": {
          "description": "go | no-go | pending.",
          "enum": ["go", "no-go", "pending"]
        },
        "date": {
          "$ref": "#/$defs/date",
          "description": "Date of the Go/No-Go meeting, e.g. 2027-03-10."
        },
        "by": {
          "description": "Who decided, e.g. \"Go/No-Go committee\".",
          "type": "string"
        },
        "conditions": {
          "$ref": "#/$defs/markdownList",
          "description": "Reservations attached to the Go (Markdown)."
        }
      }
    },
    "deployment": {
      "description": "How the tool is rolled out: mode, cutover window and waves.",
      "type": "object",
      "required": ["mode", "waves"],
      "additionalProperties": false,
      "properties": {
        "mode": {
          "description": "progressive (by entity, scope or batch) | global (exactly one wave).",
          "enum": ["progressive", "global"]
        },
        "window": {
          "$ref": "#/$defs/window",
          "description": "Off-peak cutover window; it closes on J: 20:00–06:00 runs from J-1 20:00 to J 06:00."
        },
        "waves": {
          "description": "The deployment waves; exactly one when mode is global.",
          "type": "array",
          "minItems": 1,
          "items": {
            "description": "One wave: its date is J for its audiences.",
            "type": "object",
            "required": ["id", "date"],
            "additionalProperties": false,
            "properties": {
              "id": {
                "$ref": "#/$defs/id",
                "description": "Wave id, e.g. lot-1; audiences name it in 'wave'."
              },
              "name": {
                "description": "Wave name, e.g. \"Lot 1 — Paris\".",
                "type": "string"
              },
              "date": {
                "$ref": "#/$defs/date",
                "description": "The wave's go-live date: J for its audiences, e.g. 2027-03-19."
              },
              "window": {
                "$ref": "#/$defs/window",
                "description": "Cutover window of this wave only (overrides deployment.window)."
              },
              "scope": {
                "description": "Entities and perimeters of the wave.",
                "type": "array",
                "items": { "type": "string" }
              }
            }
          }
        }
      },
      "allOf": [
        {
          "if": { "properties": { "mode": { "const": "global" } }, "required": ["mode"] },
          "then": { "properties": { "waves": { "maxItems": 1 } } }
        },
        {
          "if": { "not": { "required": ["window"] } },
          "then": { "properties": { "waves": { "items": { "required": ["window"] } } } }
        }
      ]
    },
    "roles": {
      "description": "Who does what during the go-live.",
      "type": "array",
      "items": {
        "description": "One role, referred to by its id (runbook owners, fallback, meetings).",
        "type": "object",
        "required": ["id"],
        "additionalProperties": false,
        "properties": {
          "id": {
            "$ref": "#/$defs/id",
            "description": "Role id, e.g. pmo."
          },
          "name": {
            "description": "Role name, e.g. \"PMO\".",
            "type": "string"
          },
          "person": {
            "$ref": "#/$defs/person",
            "description": "Who holds the role: name, email, phone."
          }
        }
      }
    },
    "runbook": {
      "description": "Cutover steps, run for every wave.",
      "type": "array",
      "items": {
        "description": "One cutover step.",
        "type": "object",
        "required": ["id", "title", "start", "duration"],
        "additionalProperties": false,
        "properties": {
          "id": {
            "$ref": "#/$defs/id",
            "description": "Step id, e.g. freeze."
          },
          "title": {
            "description": "What the step does, e.g. \"Freeze data entry in the legacy tool\".",
            "type": "string"
          },
          "owner": {
            "$ref": "#/$defs/id",
            "description": "A role id: who runs the step."
          },
          "start": {
            "$ref": "#/$defs/moment",
            "description": "When the step starts: relative or absolute moment, e.g. \"J-1 18:00\"."
          },
          "duration": {
            "$ref": "#/$defs/duration",
            "description": "How long the step takes, e.g. 30m, 1h30."
          },
          "checkpoint": {
            "description": "true: a go/no-go checkpoint.",
            "type": "boolean"
          },
          "rollback": {
            "$ref": "#/$defs/markdown",
            "description": "What to undo if this step fails (Markdown)."
          }
        }
      }
    },
    "fallback": {
      "description": "The rollback plan.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "trigger": {
          "$ref": "#/$defs/markdown",
          "description": "When we roll back (Markdown)."
        },
        "point_of_no_return": {
          "$ref": "#/$defs/moment",
          "description": "Last moment a rollback is possible, e.g. \"J 04:00\"."
        },
        "decided_by": {
          "$ref": "#/$defs/id",
          "description": "A role id: who decides the rollback."
        },
        "steps": {
          "$ref": "#/$defs/markdownList",
          "description": "Rollback steps, in order (Markdown)."
        }
      }
    },
    "communications": {
      "description": "The communication plan: one entry per message.",
      "type": "array",
      "items": {
        "description": "One message.",
        "type": "object",
        "required": ["id", "template", "at", "audiences", "channel"],
        "additionalProperties": false,
        "properties": {
          "id": {
            "$ref": "#/$defs/id",
            "description": "Message id, e.g. teaser."
          },
          "template": {
            "description": "A template name, e.g. announcement/teaser.",
            "type": "string",
            "minLength": 1,
            "examples": ["announcement/teaser", "announcement/training", "announcement/reminder", "announcement/eve", "announcement/golive", "announcement/followup"]
          },
          "at": {
            "$ref": "#/$defs/dayOrMoment",
            "description": "When it is sent: relative day, or relative/absolute moment, e.g. J-30, \"J-1 16:00\"."
          },
          "audiences": {
            "description": "Who receives it: all | [audience ids] | { impact: [high, medium] }.",
            "oneOf": [
              {
                "description": "Every audience.",
                "const": "all"
              },
              {
                "description": "These audiences, by id.",
                "type": "array",
                "items": { "$ref": "#/$defs/id" }
              },
              {
                "description": "Every audience with one of these impact levels.",
                "type": "object",
                "required": ["impact"],
                "additionalProperties": false,
                "properties": {
                  "impact": {
                    "description": "Impact levels: high, medium, low.",
                    "type": "array",
                    "items": { "$ref": "#/$defs/impact" },
                    "minItems": 1
                  }
                }
              }
            ]
          },
          "channel": {
            "$ref": "#/$defs/channel",
            "description": "email | intranet | teams | sms | meeting | print."
          },
          "sender": {
            "description": "Optional signature, e.g. \"Isabelle Roux, Head of Collections\".",
            "type": "string"
          },
          "from": {
            "description": "Optional From: of the .eml drafts: an address, or \"Name <address>\". Default: the person of the role comms, else pmo.",
            "type": "string",
            "minLength": 3,
            "examples": ["atlas@example.org", "Léa Fontaine <lea.fontaine@example.org>"]
          }
        }
      }
    },
    "training": {
      "description": "Training modules, trainers, rooms and when sessions may take place.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "modules": {
          "description": "Training modules.",
          "type": "array",
          "items": {
            "description": "One module; capacity is required unless the format is elearning.",
            "type": "object",
            "required": ["id", "duration", "format"],
            "additionalProperties": false,
            "properties": {
              "id": {
                "$ref": "#/$defs/id",
                "description": "Module id, e.g. essentials; audiences and trainers list it."
              },
              "title": {
                "description": "Module title, e.g. \"Atlas essentials\".",
                "type": "string"
              },
              "duration": {
                "$ref": "#/$defs/duration",
                "description": "Length of one session, e.g. 2h, 1h30."
              },
              "format": {
                "description": "classroom | remote | elearning (elearning needs no slot).",
                "enum": ["classroom", "remote", "elearning"]
              },
              "capacity": {
                "description": "Max trainees per session (optional for elearning).",
                "type": "integer",
                "minimum": 1
              },
              "summary": {
                "$ref": "#/$defs/markdown",
                "description": "What the module covers, in a sentence (Markdown)."
              }
            },
            "if": { "properties": { "format": { "const": "elearning" } }, "required": ["format"] },
            "else": { "required": ["capacity"] }
          }
        },
        "trainers": {
          "description": "Trainers and what they can teach.",
          "type": "array",
          "items": {
            "description": "One trainer.",
            "type": "object",
            "required": ["id"],
            "additionalProperties": false,
            "properties": {
              "id": {
                "$ref": "#/$defs/id",
                "description": "Trainer id, e.g. t-martin."
              },
              "name": {
                "description": "Trainer's name, e.g. \"Claire Martin\".",
                "type": "string"
              },
              "modules": {
                "$ref": "#/$defs/idList",
                "description": "Module ids the trainer teaches."
              },
              "languages": {
                "description": "Languages the trainer teaches in.",
                "type": "array",
                "items": { "$ref": "#/$defs/language" }
              },
              "sites": {
                "description": "Where the trainer can teach classroom sessions, e.g. [Paris].",
                "type": "array",
                "items": { "type": "string" }
              },
              "unavailable": {
                "description": "Dates the trainer cannot teach, e.g. [2027-03-01].",
                "type": "array",
                "items": { "$ref": "#/$defs/date" }
              }
            }
          }
        },
        "rooms": {
          "description": "Training rooms for classroom sessions.",
          "type": "array",
          "items": {
            "description": "One room.",
            "type": "object",
            "required": ["id", "site", "capacity"],
            "additionalProperties": false,
            "properties": {
              "id": {
                "$ref": "#/$defs/id",
                "description": "Room id, e.g. paris-r1."
              },
              "site": {
                "description": "Site of the room, as in trainers' and audiences' sites, e.g. Paris.",
                "type": "string"
              },
              "capacity": {
                "description": "Seats in the room.",
                "type": "integer",
                "minimum": 1
              }
            }
          }
        },
        "calendar": {
          "description": "Working days, hours and holidays for sessions.",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "working_days": {
              "description": "Days sessions may take place, e.g. [mon, tue, wed, thu, fri].",
              "type": "array",
              "items": { "enum": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] }
            },
            "hours": {
              "$ref": "#/$defs/window",
              "description": "Training hours, e.g. { start: \"09:00\", end: \"17:30\" }."
            },
            "holidays": {
              "description": "Days without sessions, e.g. [2027-03-29].",
              "type": "array",
              "items": { "$ref": "#/$defs/date" }
            }
          }
        },
        "window": {
          "description": "Sessions must fall in these days of each audience's wave, e.g. { from: J-21, to: J-2 }.",
          "type": "object",
          "required": ["from", "to"],
          "additionalProperties": false,
          "properties": {
            "from": {
              "$ref": "#/$defs/day",
              "description": "First day for sessions, e.g. J-21."
            },
            "to": {
              "$ref": "#/$defs/day",
              "description": "Last day for sessions, e.g. J-2."
            }
          }
        }
      }
    },
    "post_golive": {
      "description": "After go-live: controls, daily meeting and hypercare.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "checks": {
          "description": "Post-deployment controls.",
          "type": "array",
          "items": {
            "description": "One control.",
            "type": "object",
            "required": ["id", "title"],
            "additionalProperties": false,
            "properties": {
              "id": {
                "$ref": "#/$defs/id",
                "description": "Check id, e.g. login."
              },
              "title": {
                "description": "What is checked, e.g. \"Main screens open for every profile\".",
                "type": "string"
              },
              "owner": {
                "$ref": "#/$defs/id",
                "description": "A role id: who checks."
              },
              "at": {
                "$ref": "#/$defs/moment",
                "description": "When, e.g. \"J+0 07:00\"."
              }
            }
          }
        },
        "daily_meeting": {
          "description": "Daily anomaly review with the dev team.",
          "type": "object",
          "required": ["time", "duration", "from", "to"],
          "additionalProperties": false,
          "properties": {
            "time": {
              "$ref": "#/$defs/time",
              "description": "Start time, e.g. \"09:30\"."
            },
            "duration": {
              "$ref": "#/$defs/duration",
              "description": "Length, e.g. 30m."
            },
            "from": {
              "$ref": "#/$defs/day",
              "description": "First day, e.g. J+1."
            },
            "to": {
              "$ref": "#/$defs/day",
              "description": "Last day, e.g. J+10."
            },
            "participants": {
              "$ref": "#/$defs/idList",
              "description": "Role ids invited, e.g. [pmo, dev-lead]."
            },
            "where": {
              "description": "Place or link, e.g. \"Teams — Atlas hypercare\".",
              "type": "string"
            }
          }
        },
        "hypercare": {
          "description": "Reinforced support right after go-live.",
          "type": "object",
          "required": ["until"],
          "additionalProperties": false,
          "properties": {
            "until": {
              "$ref": "#/$defs/day",
              "description": "Last day of hypercare, e.g. J+15."
            },
            "contact": {
              "description": "How users reach the hypercare team.",
              "type": "string"
            },
            "exit_criteria": {
              "$ref": "#/$defs/markdownList",
              "description": "GoLive extension: conditions to end hypercare (Markdown)."
            }
          }
        }
      }
    },
    "support": {
      "description": "Who takes over in run mode, and the handover.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "teams": {
          "description": "Support teams and their scope.",
          "type": "array",
          "items": {
            "description": "One support team.",
            "type": "object",
            "required": ["id"],
            "additionalProperties": false,
            "properties": {
              "id": {
                "$ref": "#/$defs/id",
                "description": "Team id, e.g. n1."
              },
              "name": {
                "description": "Team name, e.g. \"Service desk (L1)\".",
                "type": "string"
              },
              "scope": {
                "description": "What the team handles, e.g. \"Access, passwords, how-to questions\".",
                "type": "string"
              },
              "contact": {
                "description": "How to reach the team.",
                "type": "string"
              }
            }
          }
        },
        "handover": {
          "description": "Handover from the project to the support teams.",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "date": {
              "$ref": "#/$defs/day",
              "description": "Handover day, e.g. J+20."
            },
            "meetings": {
              "description": "Handover meetings.",
              "type": "array",
              "items": {
                "description": "One handover meeting.",
                "type": "object",
                "required": ["title", "at"],
                "additionalProperties": false,
                "properties": {
                  "title": {
                    "description": "Meeting title.",
                    "type": "string"
                  },
                  "at": {
                    "$ref": "#/$defs/moment",
                    "description": "When, e.g. \"J+18 14:00\"."
                  },
                  "duration": {
                    "$ref": "#/$defs/duration",
                    "description": "Length, e.g. 1h (default 1h)."
                  },
                  "with": {
                    "$ref": "#/$defs/idList",
                    "description": "Support team or role ids invited, e.g. [n1, pmo]."
                  }
                }
              }
            },
            "documents": {
              "description": "Documents handed over, e.g. [Runbook, Known issues].",
              "type": "array",
              "items": { "type": "string" }
            }
          }
        }
      }
    },
    "guides": {
      "description": "User guides built from guides/*.md.",
      "type": "array",
      "items": {
        "description": "One user guide.",
        "type": "object",
        "required": ["id", "source"],
        "additionalProperties": false,
        "properties": {
          "id": {
            "$ref": "#/$defs/id",
            "description": "Guide id, e.g. user-guide."
          },
          "title": {
            "description": "Guide title, e.g. \"Atlas user guide\".",
            "type": "string"
          },
          "source": {
            "description": "Markdown source, relative to the project folder, e.g. guides/user-guide.md.",
            "type": "string",
            "minLength": 1
          },
          "version": {
            "description": "Numbers separated by dots, quoted so YAML keeps it as text, e.g. \"1.0\".",
            "type": "string",
            "pattern": "^\\d{1,5}(\\.\\d{1,5})*$"
          }
        }
      }
    }
  },
  "$defs": {
    "id": {
      "description": "Lowercase letters, digits and '-', unique within its kind, e.g. lot-1.",
      "type": "string",
      "pattern": "^[a-z0-9-]+$",
      "maxLength": 64
    },
    "idList": {
      "description": "A list of ids.",
      "type": "array",
      "items": { "$ref": "#/$defs/id" }
    },
    "date": {
      "description": "ISO 8601 calendar date YYYY-MM-DD, e.g. 2027-03-19.",
      "type": "string",
      "pattern": "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$"
    },
    "time": {
      "description": "24h time HH:MM, local to project.timezone, e.g. \"20:00\".",
      "type": "string",
      "pattern": "^([01]?\\d|2[0-3]):[0-5]\\d$"
    },
    "duration": {
      "description": "Number + unit, units d, h, m, combinable, e.g. 2h, 90m, 1h30, 3d, 1d2h.",
      "type": "string",
      "minLength": 2,
      "pattern": "^(\\d{1,6}d)?(\\d{1,6}h([0-5]?\\d|\\d{1,6}m)?|\\d{1,6}m)?$"
    },
    "relativeDay": {
      "description": "Relative day: J or D, optional sign and days, e.g. J-30, D-7, J, J+1.",
      "type": "string",
      "pattern": "^[JD]([+-]\\d{1,4})?$"
    },
    "day": {
      "description": "Relative day (J-30, D+1, J) or a date (2027-03-19).",
      "type": "string",
      "pattern": "^([JD]([+-]\\d{1,4})?|\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01]))$"
    },
    "moment": {
      "description": "Relative or absolute day, a space (or T after a date), a time, e.g. \"J-1 18:00\", \"2027-03-19 20:00\".",
      "type": "string",
      "pattern": "^(([JD]([+-]\\d{1,4})?|\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])) +|\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T)([01]?\\d|2[0-3]):[0-5]\\d$"
    },
    "dayOrMoment": {
      "description": "A day alone (J-30, 2027-03-19) or a moment (\"J-1 18:00\", \"2027-03-19 20:00\").",
      "type": "string",
      "pattern": "^(([JD]([+-]\\d{1,4})?|\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01]))( +([01]?\\d|2[0-3]):[0-5]\\d)?|\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]?\\d|2[0-3]):[0-5]\\d)$"
    },
    "window": {
      "description": "A time window { start: \"20:00\", end: \"06:00\" }; an end before the start means the next day.",
      "type": "object",
      "required": ["start", "end"],
      "additionalProperties": false,
      "properties": {
        "start": {
          "$ref": "#/$defs/time",
          "description": "Opening time, e.g. \"20:00\"."
        },
        "end": {
          "$ref": "#/$defs/time",
          "description": "Closing time, e.g. \"06:00\"."
        }
      }
    },
    "person": {
      "description": "A person: name, role, email, phone.",
      "type": "object",
      "required": ["name"],
      "additionalProperties": false,
      "properties": {
        "name": {
          "description": "Full name.",
          "type": "string"
        },
        "role": {
          "description": "Job title.",
          "type": "string"
        },
        "email": {
          "description": "Email address.",
          "type": "string"
        },
        "phone": {
          "description": "Phone number.",
          "type": "string"
        }
      }
    },
    "markdown": {
      "description": "Text in CommonMark (inline Markdown allowed); raw HTML is shown as text.",
      "type": "string"
    },
    "markdownList": {
      "description": "A list of Markdown texts.",
      "type": "array",
      "items": { "$ref": "#/$defs/markdown" }
    },
    "language": {
      "description": "fr | en.",
      "enum": ["fr", "en"]
    },
    "impact": {
      "description": "high | medium | low.",
      "enum": ["high", "medium", "low"]
    },
    "channel": {
      "description": "email | intranet | teams | sms | meeting | print.",
      "enum": ["email", "intranet", "teams", "sms", "meeting", "print"]
    }
  }
}

"""#

    /// `audience.schema.json`.
    public static let audience: String = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://golive.example/schemas/audience.schema.json",
  "title": "GoLive audience (audiences/*.yaml)",
  "description": "One population profile: who they are, when they go live, what changes for them.",
  "type": "object",
  "required": ["name", "headcount", "impact"],
  "additionalProperties": false,
  "properties": {
    "id": {
      "$ref": "#/$defs/id",
      "description": "Audience id, e.g. agents-paris; defaults to the file name without .yaml."
    },
    "name": {
      "description": "Population name, e.g. \"Collections agents — Paris\".",
      "type": "string",
      "minLength": 1
    },
    "language": {
      "description": "One of project.languages; default: the first.",
      "enum": ["fr", "en"]
    },
    "headcount": {
      "description": "Number of people.",
      "type": "integer",
      "minimum": 0
    },
    "impact": {
      "description": "high | medium | low.",
      "enum": ["high", "medium", "low"]
    },
    "wave": {
      "$ref": "#/$defs/id",
      "description": "A wave id, e.g. lot-1; required when the plan has several waves."
    },
    "sites": {
      "description": "Where they work, as in rooms' and trainers' sites, e.g. [Paris].",
      "type": "array",
      "items": { "type": "string" }
    },
    "modules": {
      "description": "Training modules this population must follow, by id.",
      "type": "array",
      "items": { "$ref": "#/$defs/id" }
    },
    "channels": {
      "description": "Channels that reach them: email | intranet | teams | sms | meeting | print.",
      "type": "array",
      "items": { "enum": ["email", "intranet", "teams", "sms", "meeting", "print"] }
    },
    "mailing_list": {
      "description": "Address that reaches the whole population, e.g. atlas-agents-paris@example.org.",
      "type": "string",
      "format": "email"
    },
    "relays": {
      "description": "Managers and champions who receive the deployment kit.",
      "type": "array",
      "items": {
        "description": "One relay.",
        "type": "object",
        "required": ["name"],
        "additionalProperties": false,
        "properties": {
          "name": {
            "description": "Full name.",
            "type": "string"
          },
          "role": {
            "description": "Role, e.g. \"Team manager\".",
            "type": "string"
          },
          "email": {
            "description": "Email address.",
            "type": "string"
          }
        }
      }
    },
    "changes": {
      "$ref": "#/$defs/markdownList",
      "description": "What changes for them (Markdown)."
    },
    "actions": {
      "$ref": "#/$defs/markdownList",
      "description": "What they must do, before or on the day (Markdown)."
    },
    "unchanged": {
      "$ref": "#/$defs/markdownList",
      "description": "What stays the same (Markdown)."
    },
    "faq": {
      "description": "Questions and answers for this population.",
      "type": "array",
      "items": {
        "description": "One question and its answer.",
        "type": "object",
        "required": ["q", "a"],
        "additionalProperties": false,
        "properties": {
          "q": {
            "$ref": "#/$defs/markdown",
            "description": "The question (Markdown)."
          },
          "a": {
            "$ref": "#/$defs/markdown",
            "description": "The answer (Markdown)."
          }
        }
      }
    }
  },
  "$defs": {
    "id": {
      "description": "Lowercase letters, digits and '-', e.g. agents-paris.",
      "type": "string",
      "pattern": "^[a-z0-9-]+$",
      "maxLength": 64
    },
    "markdown": {
      "description": "Text in CommonMark (inline Markdown allowed); raw HTML is shown as text.",
      "type": "string"
    },
    "markdownList": {
      "description": "A list of Markdown texts.",
      "type": "array",
      "items": { "$ref": "#/$defs/markdown" }
    }
  }
}

"""#
}
