import Foundation
import Testing
@testable import GoLiveCore

/// The editor schemas, checked by a real validator (Python's `jsonschema`) against the example
/// project shipped in the repository and against the mistakes users actually make.
@Suite struct SchemaTests {
    static let schemaNames = ["plan", "audience"]

    static func schema(named name: String) -> String { name == "plan" ? Schema.plan : Schema.audience }

    // MARK: the schemas themselves

    @Test(arguments: schemaNames)
    func isValidDraft202012Schema(name: String) throws {
        let text = SchemaTests.schema(named: name)
        #expect(text.hasSuffix("}\n"), "\(name): the printed schema must end with a newline")
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(object?["$id"] as? String == "https://golive.example/schemas/\(name).schema.json")
        let result = try SchemaPython.run(SchemaPython.checkSchema, arguments: [try SchemaPython.temporaryFile(text, suffix: ".json")])
        try SchemaPython.requireModules(result)
        #expect(result.status == 0, "\(name) schema is not a valid draft 2020-12 schema: \(result.stderr)")
    }

    /// Editors only help if every property explains itself and unknown keys are flagged, as GoLive does.
    @Test(arguments: schemaNames)
    func everyPropertyIsDescribedAndEveryObjectIsClosed(name: String) throws {
        let text = SchemaTests.schema(named: name)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let defs = Set((root["$defs"] as? [String: Any] ?? [:]).keys)
        var problems: [String] = []
        SchemaTests.walk(root, path: "#", defs: defs, problems: &problems)
        #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "; "))")
    }

    static func walk(_ node: Any, path: String, defs: Set<String>, problems: inout [String]) {
        if let list = node as? [Any] {
            for (i, item) in list.enumerated() { walk(item, path: "\(path)/\(i)", defs: defs, problems: &problems) }
            return
        }
        guard let object = node as? [String: Any] else { return }
        if let properties = object["properties"] as? [String: Any] {
            if object["additionalProperties"] as? Bool != false {
                problems.append("\(path) lacks additionalProperties: false")
            }
            for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
                let described = ((value as? [String: Any])?["description"] as? String)?.isEmpty == false
                if !described { problems.append("\(path)/properties/\(key) has no description") }
            }
        }
        if let ref = object["$ref"] as? String {
            let target = ref.replacingOccurrences(of: "#/$defs/", with: "")
            if !ref.hasPrefix("#/$defs/") || !defs.contains(target) { problems.append("\(path): dangling $ref \(ref)") }
        }
        // Conditions (if/then/else) only add constraints to properties described elsewhere.
        for (key, value) in object.sorted(by: { $0.key < $1.key }) where !["if", "then", "else", "not"].contains(key) {
            walk(value, path: "\(path)/\(key)", defs: defs, problems: &problems)
        }
    }

    // MARK: the example project validates

    @Test func examplePlanValidates() throws {
        let plan = try SchemaPython.repositoryFile("plan.yaml")
        let errors = try SchemaPython.validate(schema: Schema.plan, yaml: plan)
        #expect(errors.isEmpty, "plan.yaml: \(errors)")
    }

    @Test func everyExampleAudienceValidates() throws {
        let folder = ProjectFixture.repoRoot.appendingPathComponent("audiences")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(!files.isEmpty, "no audience files found in \(folder.path)")
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let errors = try SchemaPython.validate(schema: Schema.audience, yaml: text)
            #expect(errors.isEmpty, "audiences/\(file): \(errors)")
        }
    }

    // MARK: mistakes are flagged where they are

    struct Mutation: CustomTestStringConvertible, Sendable {
        var name: String
        var find: String
        var replace: String
        /// Every error must lie under this JSON path, so the rejection is for the right reason.
        var path: String
        var message: String
        var testDescription: String { name }
    }

    static let planMutations: [Mutation] = [
        Mutation(name: "unknown key audiencs", find: "    audiences: all\n", replace: "    audiencs: all\n",
                 path: "$.communications[0]", message: "'audiencs' was unexpected"),
        Mutation(name: "duration written in words", find: "    duration: 30m\n", replace: "    duration: 2 hours\n",
                 path: "$.runbook[0].duration", message: "does not match"),
        Mutation(name: "status maybe", find: "  status: go\n", replace: "  status: maybe\n",
                 path: "$.decision.status", message: "'maybe' is not one of"),
        Mutation(name: "id with capital and underscore", find: "    - id: lot-1\n", replace: "    - id: Lot_1\n",
                 path: "$.deployment.waves[0].id", message: "does not match"),
        Mutation(name: "missing project code", find: "  code: ATLAS\n", replace: "",
                 path: "$.project", message: "'code' is a required property"),
        Mutation(name: "unquoted version is a number", find: "    version: \"1.0\"\n", replace: "    version: 1.0\n",
                 path: "$.guides[0].version", message: "is not of type 'string'"),
        Mutation(name: "classroom module without capacity", find: "      format: classroom\n      capacity: 12\n",
                 replace: "      format: classroom\n", path: "$.training.modules[0]", message: "'capacity' is a required property"),
        Mutation(name: "global deployment with three waves", find: "  mode: progressive\n", replace: "  mode: global\n",
                 path: "$.deployment.waves", message: "is too long"),
        Mutation(name: "waves without any cutover window", find: "  window: { start: \"20:00\", end: \"06:00\" }\n", replace: "",
                 path: "$.deployment.waves[", message: "'window' is a required property"),
        Mutation(name: "runbook start without a time", find: "    start: \"J-1 18:00\"\n", replace: "    start: J-1\n",
                 path: "$.runbook[0].start", message: "does not match"),
        Mutation(name: "wave without a date", find: "      date: 2027-03-19\n", replace: "",
                 path: "$.deployment.waves[0]", message: "'date' is a required property"),
        Mutation(name: "month 13", find: "      date: 2027-03-19\n", replace: "      date: 2027-13-19\n",
                 path: "$.deployment.waves[0].date", message: "does not match"),
        Mutation(name: "audiences neither all nor ids nor impact", find: "    audiences: all\n", replace: "    audiences: everyone\n",
                 path: "$.communications[0].audiences", message: "is not valid under any of the given schemas"),
        Mutation(name: "channel fax", find: "    channel: teams\n", replace: "    channel: fax\n",
                 path: "$.communications[4].channel", message: "'fax' is not one of"),
    ]

    @Test(arguments: planMutations)
    func planMistakeIsRejected(_ m: Mutation) throws {
        let plan = try SchemaPython.repositoryFile("plan.yaml")
        try expectRejected(m, in: plan, schema: Schema.plan)
    }

    static let audienceMutations: [Mutation] = [
        Mutation(name: "impact huge", find: "impact: high\n", replace: "impact: huge\n",
                 path: "$.impact", message: "'huge' is not one of"),
        Mutation(name: "negative headcount", find: "headcount: 180\n", replace: "headcount: -5\n",
                 path: "$.headcount", message: "less than the minimum"),
        Mutation(name: "headcount in words", find: "headcount: 180\n", replace: "headcount: lots\n",
                 path: "$.headcount", message: "is not of type 'integer'"),
        Mutation(name: "unknown key", find: "wave: lot-1\n", replace: "wave_id: lot-1\n",
                 path: "$", message: "'wave_id' was unexpected"),
        Mutation(name: "missing name", find: "name: \"Agents de recouvrement — Paris\"\n", replace: "",
                 path: "$", message: "'name' is a required property"),
        Mutation(name: "faq without answer", find: "    a: \"Votre relais d'abord, puis le service desk au poste **4000**.\"\n",
                 replace: "", path: "$.faq[2]", message: "'a' is a required property"),
    ]

    @Test(arguments: audienceMutations)
    func audienceMistakeIsRejected(_ m: Mutation) throws {
        let audience = try SchemaPython.repositoryFile("audiences/agents-paris.yaml")
        try expectRejected(m, in: audience, schema: Schema.audience)
    }

    private func expectRejected(_ m: Mutation, in text: String, schema: String) throws {
        let range = try #require(text.range(of: m.find), "the example no longer contains \(m.find.debugDescription)")
        let mutated = text.replacingCharacters(in: range, with: m.replace)
        let errors = try SchemaPython.validate(schema: schema, yaml: mutated)
        #expect(!errors.isEmpty, "\(m.name) was accepted")
        #expect(errors.contains { $0.path.hasPrefix(m.path) && $0.message.contains(m.message) },
                "\(m.name): expected '\(m.message)' at \(m.path), got \(errors)")
        #expect(errors.allSatisfy { $0.path.hasPrefix(m.path) }, "\(m.name): unrelated errors \(errors)")
    }

    // MARK: the notation patterns agree with GoLive's own parsers

    @Test func notationPatternsAgreeWithGoLiveParsers() throws {
        let durations = ["2h", "90m", "1h30", "3d", "1d2h", "1d2h30", "2h30m", "1d30m", "1h05", "45m",
                         "2 hours", "h", "30", "1h60", "2m30", "1m1h", "2h3d", "1.5h", "2H", ""]
        let relativeDays = ["J", "D", "J-30", "D+7", "J+0", "J30", "j-1", "J-", "J+12345", "K-1", "2027-03-19"]
        let days = relativeDays + ["2027-3-19", "19/03/2027", "2027-03-19 20:00"]
        let moments = ["J-1 18:00", "J 04:00", "J+0 07:30", "D-2 9:05", "2027-03-19 20:00", "2027-03-19T20:00",
                       "J-1  18:00", "J-1T18:00", "J-1", "J", "2027-03-19", "J-1 24:00", "J-1 18:0", "J-1 18h00",
                       "J-1 18:00:00", "tomorrow 18:00"]
        let times = ["20:00", "9:30", "09:30", "00:00", "23:59", "24:00", "7:5", "12:60", "2000", "20h"]
        let dates = ["2027-03-19", "2028-02-29", "2027-3-19", "27-03-19", "2027/03/19", "2027-13-01", "2027-00-10"]
        let ids = ["lot-1", "agents-paris", "a", "Lot_1", "lot 1", "", String(repeating: "a", count: 64),
                   String(repeating: "a", count: 65), "équipe"]

        var cases: [(def: String, sample: String, golive: Bool)] = []
        cases += durations.map { ("duration", $0, Notation.duration($0) != nil) }
        cases += relativeDays.map { ("relativeDay", $0, Notation.relativeDay($0) != nil) }
        cases += days.map { ("day", $0, Notation.day($0) != nil) }
        cases += moments.map { ("moment", $0, Notation.moment($0, dayAlone: false) != nil) }
        cases += moments.map { ("dayOrMoment", $0, Notation.moment($0, dayAlone: true) != nil) }
        cases += times.map { ("time", $0, TimeOfDay(text: $0) != nil) }
        cases += dates.map { ("date", $0, CivilDate(iso: $0) != nil) }
        cases += ids.map { ("id", $0, Notation.isValidID($0)) }

        let input = try JSONSerialization.data(withJSONObject: cases.map { [$0.def, $0.sample] })
        let result = try SchemaPython.run(SchemaPython.checkSamples, arguments: [
            try SchemaPython.temporaryFile(Schema.plan, suffix: ".json"),
            try SchemaPython.temporaryFile(String(decoding: input, as: UTF8.self), suffix: ".json"),
        ])
        try SchemaPython.requireModules(result)
        let verdicts = try JSONDecoder().decode([Bool].self, from: Data(result.stdout.utf8))
        try #require(verdicts.count == cases.count, "python: \(result.stderr)")
        for (c, schemaAccepts) in zip(cases, verdicts) {
            #expect(schemaAccepts == c.golive,
                    "\(c.def) \(c.sample.debugDescription): schema \(schemaAccepts ? "accepts" : "rejects"), GoLive \(c.golive ? "accepts" : "rejects")")
        }
    }
}

/// Runs Python's `jsonschema` and PyYAML as the external checkers of the schemas.
private enum SchemaPython {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct ValidationError: Decodable, CustomStringConvertible {
        var path: String
        var message: String
        var description: String { "\(path): \(message)" }
    }

    static let imports = """
    import sys, json
    try:
        import yaml, jsonschema
    except ImportError as e:
        sys.stderr.write("missing python module %s: pip install jsonschema pyyaml\\n" % e.name)
        sys.exit(3)
    """

    static let checkSchema = imports + """

    jsonschema.Draft202012Validator.check_schema(json.load(open(sys.argv[1], encoding="utf-8")))
    """

    /// Editors read YAML 1.2 (core schema): `2027-03-19` and `20:00` stay text, only true/false are
    /// booleans. PyYAML reads YAML 1.1, so its implicit rules are replaced by the 1.2 core ones.
    static let validateYAML = imports + """

    import re
    class Loader(yaml.SafeLoader):
        pass
    dropped = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
    Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] not in dropped]
                                      for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
    Loader.add_implicit_resolver("tag:yaml.org,2002:float",
        re.compile(r"^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"),
        list("-+.0123456789"))
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    document = yaml.load(open(sys.argv[2], encoding="utf-8"), Loader=Loader)
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: (e.json_path, e.message))
    print(json.dumps([{"path": e.json_path, "message": e.message} for e in errors]))
    """

    static let checkSamples = imports + """

    defs = json.load(open(sys.argv[1], encoding="utf-8"))["$defs"]
    samples = json.load(open(sys.argv[2], encoding="utf-8"))
    print(json.dumps([jsonschema.Draft202012Validator(defs[name]).is_valid(text) for name, text in samples]))
    """

    static func validate(schema: String, yaml: String) throws -> [ValidationError] {
        let result = try run(validateYAML, arguments: [
            try temporaryFile(schema, suffix: ".json"), try temporaryFile(yaml, suffix: ".yaml"),
        ])
        try requireModules(result)
        guard result.status == 0 else { throw Failure(description: "validator failed: \(result.stderr)") }
        return try JSONDecoder().decode([ValidationError].self, from: Data(result.stdout.utf8))
    }

    static func requireModules(_ result: Outcome) throws {
        if result.status == 3 { throw Failure(description: result.stderr) }
    }

    /// `arguments`: files made by `temporaryFile`, removed once the script has run (a test run made
    /// dozens, and left them all in the temporary folder).
    static func run(_ script: String, arguments: [URL]) throws -> Outcome {
        defer { for file in arguments { try? FileManager.default.removeItem(at: file) } }
        let r = try Subprocess.python(script, arguments.map(\.path))
        return Outcome(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }

    static func temporaryFile(_ content: String, suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("golive-schema-\(UUID().uuidString)\(suffix)")
        try Data(content.utf8).write(to: url)
        return url
    }


    static func repositoryFile(_ path: String) throws -> String {
        let url = ProjectFixture.repoRoot.appendingPathComponent(path)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw Failure(description: "cannot read the example \(url.path)")
        }
        return text
    }
}
