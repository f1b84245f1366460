import Foundation

/// Reads `plan.yaml` into the typed model, reporting every problem it meets.
/// Cross-file references (audiences, guides) are checked later by `References`.
struct PlanReader {
    static let topLevelKeys = ["project", "decision", "deployment", "roles", "runbook", "fallback",
                               "communications", "training", "post_golive", "support", "guides"]

    var d = Diagnostics()
    var seenRoles: [String: SourceLocation] = [:]
    /// Ids of every wave and module written with a valid id, even when another of their fields is wrong:
    /// references to them are then not reported as unknown on top of the real problem.
    var knownWaveIDs: [String]?
    var knownModuleIDs: [String] = []

    /// The parts of a plan before audiences, guides and feedback are attached.
    struct Result {
        var project: Project
        var decision: Decision
        var deployment: Deployment
        var roles: [Role]
        var runbook: [RunbookStep]
        var fallback: Fallback?
        var communications: [Communication]
        var training: Training?
        var postGoLive: PostGoLive?
        var support: Support?
        var guides: [GuideRef]
    }

    mutating func read(_ root: YAMLValue?, file: String) -> Result? {
        guard let root else {
            d.error(.file(file), "plan.yaml is empty: it needs at least 'project', 'decision' and 'deployment'")
            return nil
        }
        guard let plan = YAMLObject(root, context: "plan", &d) else { return nil }
        plan.checkKeys(Self.topLevelKeys, &d)

        let project = plan.object("project", required: true, &d).flatMap { readProject($0) }
        let decision = plan.object("decision", required: true, &d).flatMap { readDecision($0) }
        let deployment = plan.object("deployment", required: true, &d).flatMap { readDeployment($0) }
        let roles = plan.objects("roles", itemName: "role", &d).compactMap { readRole($0) }
        let runbook = readRunbook(plan)
        let fallback = plan.object("fallback", &d).flatMap { readFallback($0) }
        let communications = readCommunications(plan)
        let training = plan.object("training", &d).flatMap { readTraining($0) }
        let post = plan.object("post_golive", &d).flatMap { readPostGoLive($0) }
        let support = plan.object("support", &d).flatMap { readSupport($0) }
        let guides = readGuides(plan)

        // A block that failed still gets a stand-in, so the references of the other blocks are
        // checked in the same run; the errors already recorded keep this plan from being used.
        let fallbackProject = Project(name: "", code: "", organisation: nil, sponsor: nil, summary: nil, benefits: [],
                                      languages: Language.allCases, timezoneID: "UTC", location: plan.location)
        return Result(project: project ?? fallbackProject,
                      decision: decision ?? Decision(status: .pending, date: nil, by: nil, conditions: [], location: plan.location),
                      deployment: deployment ?? Deployment(mode: .progressive, window: nil, waves: []), roles: roles,
                      runbook: runbook, fallback: fallback, communications: communications,
                      training: training, postGoLive: post, support: support, guides: guides)
    }

    // MARK: project, decision, deployment

    mutating func readProject(_ o: YAMLObject) -> Project? {
        o.checkKeys(["name", "code", "organisation", "sponsor", "summary", "benefits", "languages", "timezone"], &d)
        let name = o.string("name", required: true, &d)
        let code = o.string("code", required: true, &d)
        if let code, !code.value.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_" }) || code.value.isEmpty {
            d.error(code.location, "project code '\(code.value)' must be letters, digits, '-' or '_' (it goes into email subjects and calendar UIDs)")
        }
        var languages: [Language] = []
        let languageTexts = o.strings("languages", required: true, &d)
        if o.has("languages"), languageTexts.isEmpty, let value = o["languages"], value.items != nil {
            d.error(value.location, "'languages' in project must list at least one language (fr, en)")
        }
        for text in languageTexts {
            guard let language = YAMLObject.choice(text, Language.self, what: "language", &d)?.value else { continue }
            if languages.contains(language) {
                d.error(text.location, "language '\(language.rawValue)' is listed twice")
            } else {
                languages.append(language)
            }
        }
        let timezone = o.string("timezone", required: true, &d)
        if let timezone, !TimeZoneNames.isKnown(timezone.value) {
            var message = "timezone '\(timezone.value)' is not an IANA timezone name (e.g. Europe/Paris)"
            if let guess = Suggest.closest(to: timezone.value, in: TimeZoneNames.all) { message += "; did you mean '\(guess)'?" }
            d.error(timezone.location, message)
        }
        guard let name, let code, let timezone, !languages.isEmpty, TimeZoneNames.isKnown(timezone.value) else { return nil }
        return Project(name: name.value, code: code.value, organisation: o.string("organisation", &d)?.value,
                       sponsor: o.person("sponsor", &d), summary: o.string("summary", &d)?.value,
                       benefits: o.strings("benefits", &d).map(\.value), languages: languages,
                       timezoneID: timezone.value, location: o.location)
    }

    mutating func readDecision(_ o: YAMLObject) -> Decision? {
        o.checkKeys(["status", "date", "by", "conditions"], &d)
        guard let status = o.choice("status", Decision.Status.self, required: true, &d) else { return nil }
        return Decision(status: status.value, date: o.date("date", &d), by: o.string("by", &d)?.value,
                        conditions: o.strings("conditions", &d).map(\.value), location: status.location)
    }

    mutating func readDeployment(_ o: YAMLObject) -> Deployment? {
        o.checkKeys(["mode", "window", "waves"], &d)
        let mode = o.choice("mode", Deployment.Mode.self, required: true, &d)
        let window = o.window("window", &d)
        var seen: [String: SourceLocation] = [:]
        let waveObjects = o.objects("waves", required: true, itemName: "wave", &d)
        var waves: [Wave] = []
        for w in waveObjects {
            w.checkKeys(["id", "name", "date", "window", "scope"], &d)
            let id = w.id(kind: "wave", seen: &seen, &d)
            let name = w.string("name", &d)
            let date = w.date("date", required: true, &d)
            let own = w.window("window", &d)
            let scope = w.strings("scope", &d).map(\.value)
            if own == nil, window == nil, !w.has("window"), !o.has("window") {
                d.error(w.location, "\(w.context): no cutover window: give 'window' here or in 'deployment'")
            }
            guard let id, let date, let effective = own ?? window else { continue }
            waves.append(Wave(id: id, name: name?.value ?? id, date: date, window: effective, scope: scope, location: w.location))
        }
        knownWaveIDs = seen.sorted { $0.value < $1.value }.map(\.key)
        if let list = o["waves"], let items = list.items {
            if items.isEmpty { d.error(list.location, "'waves' in deployment must list at least one wave") }
            if mode?.value == .global, items.count != 1 {
                d.error(list.location, "a global deployment has exactly one wave, found \(items.count)")
            }
        }
        guard let mode else { return nil }
        return Deployment(mode: mode.value, window: window, waves: waves)
    }

    mutating func readRole(_ o: YAMLObject) -> Role? {
        o.checkKeys(["id", "name", "person"], &d)
        let id = o.id(kind: "role", seen: &seenRoles, &d)
        let name = o.string("name", &d)
        let person = o.person("person", &d)
        guard let id else { return nil }
        return Role(id: id, name: name?.value ?? id, person: person)
    }
}
