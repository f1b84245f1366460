import Foundation

/// Stage 1 and 2: reads every input file of a project folder and validates it into one `Plan`.
public struct ProjectLoader: Sendable {
    public let files: ProjectFiles
    /// Names of the templates a communication may use (built-in plus the project's own).
    public let templateNames: Set<String>

    public init(files: ProjectFiles, templateNames: Set<String>) {
        self.files = files
        self.templateNames = templateNames
    }

    /// The plan and the warnings, or every error found (warnings included, so the user sees all).
    public func load() -> (plan: Plan?, diagnostics: Diagnostics) {
        let (plan, diagnostics, _) = load(cache: nil)
        return (plan, diagnostics)
    }

    /// `load()`, taking each profile whose inputs are unchanged from `cache` instead of parsing it;
    /// `profiles` is what reading each profile of this load produced, to give as `cache` next time.
    public func load(cache: BuildCache?) -> (plan: Plan?, diagnostics: Diagnostics, profiles: BuildCache) {
        var d = Diagnostics()
        guard let planText = text("plan.yaml", &d) else {
            if files.read("plan.yaml") == nil {
                d.error(.file("plan.yaml"), "no plan.yaml in this folder: run 'golive init DIR' to start a project")
            }
            return (nil, d, BuildCache())
        }
        var reader = PlanReader()
        let planFile = YAMLFile.parse(path: "plan.yaml", text: planText, into: &d)
        let base = planFile.root == nil && d.hasErrors ? nil : reader.read(planFile.root, file: "plan.yaml")
        d.append(contentsOf: reader.d)

        let languages = (base?.project.languages).flatMap { $0.isEmpty ? nil : $0 } ?? Language.allCases
        // When the plan itself failed, wave ids are unknown: don't pile wave errors on every audience.
        let waveIDs = reader.knownWaveIDs
        var audiences: [Audience] = []
        var seenAudiences: [String: SourceLocation] = [:]
        let audienceFiles = files.list("audiences").filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        // Each profile parses and validates alone, on every core; ids are then checked for
        // duplicates in file order, as one pass over the files would.
        let read = Parallel.map(audienceFiles, threads: ProcessInfo.processInfo.activeProcessorCount) { [self] name in
            let path = "audiences/\(name)"
            // Read through `files` even on a hit: the read is what puts the profile in the render key.
            guard let data = files.read(path) else {
                var unreadable = Diagnostics()
                Self.unreadable(path, &unreadable)
                return (key: String?.none, profile: ReadProfile(audience: nil, id: nil, diagnostics: unreadable), hit: false)
            }
            let key = BuildCache.key(path: path, contents: data, languages: languages, waveIDs: waveIDs)
            if let cached = cache?[key] { return (key: key, profile: cached, hit: true) }
            return (key: key, profile: readProfile(name, path: path, data: data, languages: languages, waveIDs: waveIDs),
                    hit: false)
        }
        // Only this load's profiles: a deleted file's entry is not carried over to the next build.
        var profiles = BuildCache()
        for (key, profile, hit) in read {
            if let key { profiles.entries[key] = profile }
            if hit { profiles.reused += 1 }
            d.append(contentsOf: profile.diagnostics)
            guard let (id, location) = profile.id else { continue }
            if let first = seenAudiences[id] {
                d.error(location, "duplicate audience id '\(id)' (first defined at \(first))")
                continue
            }
            seenAudiences[id] = location
            if let audience = profile.audience { audiences.append(audience) }
        }
        if audienceFiles.isEmpty, base != nil {
            d.warning(.file("audiences/"), "no population profiles in audiences/: no per-audience document will be produced")
        }
        audiences.sort { $0.id < $1.id }

        let audienceIDs = Set(seenAudiences.keys)
        let moduleIDs = Set(reader.knownModuleIDs)
        var guideSources: [String: GuideSource] = [:]
        for ref in base?.guides ?? [] {
            let path = ref.source.value
            guard OutputPath.isSafeRelative(path), path.hasSuffix(".md") else {
                d.error(ref.source.location, "guide source '\(path)' must be a .md file inside the project folder (e.g. guides/user-guide.md)")
                continue
            }
            guard files.read(path) != nil else {
                d.error(ref.source.location, "guide source '\(path)' does not exist")
                continue
            }
            var documents: [Language: GuideDocument] = [:]
            let defaultLanguage = languages.first ?? .fr
            for language in languages {
                let variant = language == defaultLanguage ? path : String(path.dropLast(3)) + ".\(language.rawValue).md"
                guard files.read(variant) != nil, let content = text(variant, &d) else { continue }
                documents[language] = GuideReader.read(content, file: variant, audienceIDs: audienceIDs,
                                                       moduleIDs: moduleIDs, &d)
            }
            guideSources[ref.id] = GuideSource(ref: ref, documents: documents, defaultLanguage: defaultLanguage)
        }

        var feedback: [FeedbackEntry] = []
        var seenFeedback: [String: SourceLocation] = [:]
        for name in files.list("feedback") {
            let path = "feedback/\(name)"
            let isYAML = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
            guard isYAML || name.hasSuffix(".csv") else { continue }
            guard let data = files.read(path) else { Self.unreadable(path, &d); continue }
            guard let content = Self.text(data, path, &d) else { continue }
            if isYAML {
                let yaml = YAMLFile.parse(path: path, text: content, into: &d)
                feedback += FeedbackReader.readYAML(yaml.root, file: path, seen: &seenFeedback, &d)
            } else {
                feedback += FeedbackReader.readCSV(content, file: path, seen: &seenFeedback, &d)
            }
        }
        feedback.sort { ($0.date, $0.id) < ($1.date, $1.id) }

        guard let base else { return (nil, d, profiles) }
        var plan = Plan(project: base.project, decision: base.decision, deployment: base.deployment, roles: base.roles,
                        runbook: base.runbook, fallback: base.fallback, communications: base.communications,
                        training: base.training, postGoLive: base.postGoLive, support: base.support,
                        guides: base.guides, audiences: audiences, guideSources: guideSources, feedback: feedback)
        plan.reindex()
        References(plan: plan, templateNames: templateNames, knownAudienceIDs: audienceIDs.sorted(),
                   knownModuleIDs: moduleIDs.sorted()).check(&d)
        Coherence(plan: plan).check(&d)
        return (d.hasErrors ? nil : plan, d, profiles)
    }

    /// One profile parsed and validated alone: a pure function of its path, its bytes, and the plan's
    /// languages and wave ids (the inputs of `BuildCache.key`).
    private func readProfile(_ name: String, path: String, data: Data, languages: [Language],
                             waveIDs: [String]?) -> ReadProfile {
        var fileDiagnostics = Diagnostics()
        var ownID: [String: SourceLocation] = [:]
        guard let yaml = Self.text(data, path, &fileDiagnostics).map({ YAMLFile.parse(path: path, text: $0, into: &fileDiagnostics) }),
              !(yaml.root == nil && fileDiagnostics.errors.contains { $0.location.file == path }) else {
            return ReadProfile(audience: nil, id: nil, diagnostics: fileDiagnostics)
        }
        let stem = String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
        let audience = AudienceReader.read(yaml.root, file: path, fileStem: stem, languages: languages,
                                           waveIDs: waveIDs, seen: &ownID, &fileDiagnostics)
        return ReadProfile(audience: audience, id: ownID.first, diagnostics: fileDiagnostics)
    }

    /// A profile read on another thread, with the id it claims (its format checked, not yet its uniqueness).
    struct ReadProfile: Sendable {
        let audience: Audience?
        let id: (key: String, value: SourceLocation)?
        let diagnostics: Diagnostics
    }

    /// A profile or feedback file its folder lists but that cannot be read as a file: a folder, a pipe or
    /// a device named like one, or a file that may not be read. Reported, not skipped: the plan would
    /// otherwise go without it unnoticed (and a pipe, read, would wait for a writer forever).
    private static func unreadable(_ path: String, _ d: inout Diagnostics) {
        let folder = path.split(separator: "/").first.map(String.init) ?? path
        d.error(.file(path), "'\(path)' cannot be read as a file (a folder, a pipe or a device, or no permission to read it): make it a plain file or move it out of \(folder)/")
    }

    /// The file as UTF-8 text (a BOM is dropped), or an error saying why not.
    private func text(_ path: String, _ d: inout Diagnostics) -> String? {
        files.read(path).flatMap { Self.text($0, path, &d) }
    }

    private static func text(_ data: Data, _ path: String, _ d: inout Diagnostics) -> String? {
        guard var text = String(data: data, encoding: .utf8) else {
            d.error(.file(path), "the file is not UTF-8 text: save it as UTF-8")
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}
