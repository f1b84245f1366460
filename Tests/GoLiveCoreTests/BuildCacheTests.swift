import Foundation
import Testing
@testable import GoLiveCore

/// The build cache must be invisible: a load from it reads exactly as a load without it, a schedule
/// from it is the one the scheduler would work out, any changed input misses, and no bytes on disk,
/// however damaged, can crash the build.
@Suite("Build cache")
struct BuildCacheTests {
    static let example = DiskFiles(root: ProjectFixture.repoRoot)

    /// The cache as the next build would find it: through its bytes.
    static func saved(_ cache: BuildCache) throws -> BuildCache {
        try #require(BuildCache(data: cache.encoded()))
    }

    static func loader(_ files: ProjectFiles) throws -> ProjectLoader {
        ProjectLoader(files: files, templateNames: try TemplateLibrary(project: [:]).names)
    }

    @Test("the example project loads from its cache exactly as without it, and from the cache only")
    func exampleFromCache() throws {
        let first = try LoadedProject.load(Self.example)
        let profiles = try #require(try? FileManager.default.contentsOfDirectory(atPath:
            ProjectFixture.repoRoot.appendingPathComponent("audiences").path)).filter { $0.hasSuffix(".yaml") }
        #expect(first.buildCache.count == profiles.count)
        #expect(first.buildCache.reused == 0)

        let second = try LoadedProject.load(Self.example, cache: try Self.saved(first.buildCache))
        #expect(second.buildCache.reused == profiles.count)
        #expect(String(reflecting: second.plan.audiences) == String(reflecting: first.plan.audiences))
        #expect(second.warnings == first.warnings)
        #expect(second.inputDigests == first.inputDigests)
        #expect(second.renderKey == first.renderKey)
        #expect(second.buildCache.encoded() == first.buildCache.encoded())
    }

    @Test("a generated project of varied profiles round-trips through the cache")
    func syntheticFromCache() throws {
        let files = MemoryFiles(SyntheticProject.files(audiences: 120, waves: 3, seed: 7))
        let first = try LoadedProject.load(files)
        let second = try LoadedProject.load(files, cache: try Self.saved(first.buildCache))
        #expect(second.buildCache.reused == 120)
        #expect(String(reflecting: second.plan.audiences) == String(reflecting: first.plan.audiences))
        #expect(second.warnings == first.warnings)
    }

    @Test("a hit takes the cached result without parsing the file")
    func hitSkipsParsing() throws {
        let files = ProjectFixture.files()
        var cache = try LoadedProject.load(files).buildCache
        let (key, entry) = try #require(cache.entries.first { $0.value.audience?.id == "agents" })
        var doctored = try #require(entry.audience)
        doctored.name = "Doctored"
        cache.entries[key] = ProjectLoader.ReadProfile(audience: doctored, id: entry.id, diagnostics: entry.diagnostics)

        let loaded = try LoadedProject.load(files, cache: try Self.saved(cache))
        #expect(loaded.plan.audiences.map(\.name) == ["Doctored"])
        #expect(loaded.buildCache.reused == 1)
    }

    struct Change: CustomTestStringConvertible, Sendable {
        let name: String
        /// The project the cache is made from.
        var basePlan = ProjectFixture.plan
        var baseAudience = ProjectFixture.audience
        /// The project loaded with it.
        var plan = ProjectFixture.plan
        var audience = ProjectFixture.audience
        let reused: Int
        var testDescription: String { name }
    }

    // Profiles that name no language or wave take the plan's first language and only wave: a stale hit
    // would keep the old ones.
    static let noLanguage = ProjectFixture.audience.replacingOnce("language: fr\n", with: "")
    static let oneWave = ProjectFixture.plan.replacingOnce("    - id: lot-2\n      date: 2027-04-02\n", with: "")
    static let noWave = ProjectFixture.audience.replacingOnce("wave: lot-1\n", with: "")

    static let changes: [Change] = [
        Change(name: "profile bytes", audience: ProjectFixture.audience.replacingOnce("headcount: 20", with: "headcount: 30"),
               reused: 0),
        Change(name: "language order", plan: ProjectFixture.plan.replacingOnce("languages: [fr, en]", with: "languages: [en, fr]"),
               reused: 0),
        Change(name: "a wave renamed", plan: ProjectFixture.plan.replacingOnce("- id: lot-2", with: "- id: lot-9"), reused: 0),
        Change(name: "a wave added", plan: ProjectFixture.plan.replacingOnce("    - id: lot-2\n",
                                                                             with: "    - id: lot-3\n      date: 2027-04-09\n    - id: lot-2\n"),
               reused: 0),
        Change(name: "the project's name", plan: ProjectFixture.plan.replacingOnce("name: \"Atlas\"", with: "name: \"Atlas 2\""),
               reused: 1),
        Change(name: "the default language", baseAudience: noLanguage,
               plan: ProjectFixture.plan.replacingOnce("languages: [fr, en]", with: "languages: [en, fr]"), audience: noLanguage,
               reused: 0),
        Change(name: "the only wave renamed", basePlan: oneWave, baseAudience: noWave,
               plan: oneWave.replacingOnce("- id: lot-1", with: "- id: lot-0"), audience: noWave, reused: 0),
    ]

    @Test("a changed profile, or changed plan languages or waves, misses; other plan changes hit", arguments: changes)
    func changesMiss(_ change: Change) throws {
        let before = try LoadedProject.load(ProjectFixture.files(plan: change.basePlan, audience: change.baseAudience)).buildCache
        let files = ProjectFixture.files(plan: change.plan, audience: change.audience)
        let cached = try LoadedProject.load(files, cache: try Self.saved(before))
        let fresh = try LoadedProject.load(files)
        #expect(cached.buildCache.reused == change.reused)
        #expect(String(reflecting: cached.plan.audiences) == String(reflecting: fresh.plan.audiences))
        #expect(cached.warnings == fresh.warnings)
    }

    @Test("the new headcount is read after the profile changed")
    func changedProfileReadsAnew() throws {
        let before = try LoadedProject.load(ProjectFixture.files()).buildCache
        let files = ProjectFixture.files(audience: ProjectFixture.audience.replacingOnce("headcount: 20", with: "headcount: 30"))
        let loaded = try LoadedProject.load(files, cache: try Self.saved(before))
        #expect(loaded.plan.audiences.map(\.headcount) == [30])
    }

    @Test("a plan that failed to parse (wave ids unknown) does not reuse entries read against known waves")
    func failedPlanMisses() throws {
        let before = try Self.loader(ProjectFixture.files()).load(cache: nil).profiles
        let broken = ProjectFixture.files(plan: ProjectFixture.plan.replacingOnce("decision:\n  status: go", with: "decision: [go"))
        let cached = try Self.loader(broken).load(cache: try Self.saved(before))
        let fresh = try Self.loader(broken).load(cache: nil)
        #expect(cached.profiles.reused == 0)
        #expect(cached.profiles.count == 1)
        #expect(cached.diagnostics.sorted == fresh.diagnostics.sorted)
    }

    @Test("profiles with errors are cached with them and reported at the same positions")
    func errorsReplayed() throws {
        var files = ProjectFixture.files(audience: ProjectFixture.audience.replacingOnce("headcount: 20", with: "headcount: many")
            .replacingOnce("impact: high", with: "impct: high"),
            extra: ["audiences/broken.yaml": "name: [unclosed\n", "audiences/dup.yaml": "id: agents\n" + ProjectFixture.audience])
        files.files["audiences/latin1.yaml"] = Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xE9, 0x0A])
        let first = try Self.loader(files).load(cache: nil)
        let second = try Self.loader(files).load(cache: try Self.saved(first.profiles))
        #expect(first.plan == nil)
        #expect(second.profiles.reused == 4)
        let messages = second.diagnostics.sorted.map(\.description)
        #expect(messages == first.diagnostics.sorted.map(\.description))
        #expect(messages.contains("audiences/agents.yaml:3:12: error: 'headcount' in audience 'agents' must be a whole number, found 'many'"))
        #expect(messages.contains { $0.hasPrefix("audiences/broken.yaml:") && $0.contains("error") })
        #expect(messages.contains("audiences/latin1.yaml:1:1: error: the file is not UTF-8 text: save it as UTF-8"))
        #expect(messages.contains { $0.hasPrefix("audiences/dup.yaml:1:5: error: duplicate audience id 'agents'") })

        let saved = try Self.saved(first.profiles)
        var thrown: [String] = []
        do {
            _ = try LoadedProject.load(files, cache: saved)
        } catch {
            if case .invalidInput(let diagnostics) = error { thrown = diagnostics.map(\.description) }
        }
        #expect(thrown == ProjectFixture.messages(files))
    }

    @Test("a load's cache holds only the profiles it read")
    func deletedProfilesDropOut() throws {
        let two = ProjectFixture.files(extra: ["audiences/others.yaml": "id: others\n" + ProjectFixture.audience])
        let before = try LoadedProject.load(two).buildCache
        #expect(before.count == 2)
        let after = try LoadedProject.load(ProjectFixture.files(), cache: try Self.saved(before)).buildCache
        #expect(after.count == 1)
        #expect(after.reused == 1)
    }

    @Test("the bytes are the same for the same profiles, and survive a round trip unchanged")
    func deterministic() throws {
        let a = try LoadedProject.load(Self.example).buildCache.encoded()
        let b = try LoadedProject.load(Self.example).buildCache.encoded()
        #expect(a == b)
        #expect(try Self.saved(try #require(BuildCache(data: a))).encoded() == a)
        #expect(BuildCache().encoded() == BuildCache().encoded())
        #expect(try #require(BuildCache(data: BuildCache().encoded())).count == 0)
    }

    // MARK: the training schedule

    /// The example's cache as a build leaves it: its profiles and its training schedule.
    static func withSchedule() throws -> (cache: BuildCache, project: LoadedProject, schedule: TrainingPlan) {
        let project = try LoadedProject.load(Self.example)
        let schedule = try #require(try Planning.run(project.plan).training)
        var cache = project.buildCache
        cache.schedule = (BuildCache.scheduleKey(renderKey: project.renderKey), schedule)
        return (cache, project, schedule)
    }

    @Test("the training schedule round-trips through the cache, under the key of the inputs it was worked out from")
    func scheduleRoundTrip() throws {
        let (cache, project, schedule) = try Self.withSchedule()
        #expect(schedule.sessions.contains { $0.date == nil } && schedule.sessions.contains { $0.roomID != nil })
        let saved = try Self.saved(cache)
        #expect(saved.schedule(for: project.renderKey) == schedule)
        #expect(saved.schedule(for: project.renderKey + "0") == nil)
        #expect(saved.encoded() == cache.encoded())
    }

    /// The first data line of `training/schedule.csv` after building `files` into a folder holding only `cache`.
    static func firstSession(_ files: ProjectFiles, cache: BuildCache, reuse: Bool = true) throws -> String {
        let out = RebuildTests.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try cache.encoded().write(to: out.appendingPathComponent(BuildCache.fileName))
        var options = Build.Options()
        options.reuse = reuse
        _ = try Build(files: files, outputDirectory: out, options: options).run()
        let csv = try String(contentsOf: out.appendingPathComponent("training/schedule.csv"), encoding: .utf8)
        return String(csv.split(whereSeparator: \.isNewline)[1])
    }

    @Test("a build takes the schedule from the cache when only feedback changed; any other change, or --full, schedules again")
    func scheduleTakenFromCache() throws {
        let files = TrainingOutputFixture.files()
        let (cache, project, schedule) = try Self.withSchedule()
        #expect(try LoadedProject.load(files).renderKey == project.renderKey)
        // A cached schedule the scheduler would never make: a first session of 97 seats.
        var doctored = cache
        var sessions = schedule.sessions
        sessions[0].seats = 97
        doctored.schedule = (try #require(cache.schedule).key, TrainingPlan(sessions: sessions, notes: schedule.notes))

        let feedback = TrainingOutputFixture.files(["feedback/first-week.yaml": { $0 + RebuildTests.newEntry }])
        #expect(try Self.firstSession(feedback, cache: doctored).hasSuffix(",97"))
        let headcount = TrainingOutputFixture.files(["audiences/agents-lyon.yaml": {
            $0.replacingOccurrences(of: "headcount: 120", with: "headcount: 125")
        }])
        #expect(try !Self.firstSession(headcount, cache: doctored).hasSuffix(",97"))
        #expect(try !Self.firstSession(files, cache: doctored, reuse: false).hasSuffix(",97"))
        #expect(try Self.firstSession(files, cache: cache).hasSuffix(",\(schedule.sessions[0].seats)"))
    }

    @Test("a build saves the schedule it used, and a plan without training saves none")
    func scheduleSaved() throws {
        let out = RebuildTests.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let (_, project, schedule) = try Self.withSchedule()
        _ = try Build(files: TrainingOutputFixture.files(), outputDirectory: out).run()
        let saved = try #require(BuildCache(data: try Data(contentsOf: out.appendingPathComponent(BuildCache.fileName))))
        #expect(saved.schedule(for: project.renderKey) == schedule)

        let plain = RebuildTests.folder()
        defer { try? FileManager.default.removeItem(at: plain) }
        let plan = ProjectFixture.plan, training = try #require(plan.range(of: "training:")), guides = try #require(plan.range(of: "guides:"))
        let untrained = ProjectFixture.files(plan: plan.replacingCharacters(in: training.lowerBound..<guides.lowerBound, with: ""),
                                             audience: ProjectFixture.audience.replacingOccurrences(of: "modules: [essentials]", with: ""),
                                             guide: ProjectFixture.guide.replacingOccurrences(of: "<!-- golive: modules=essentials -->", with: ""))
        _ = try Build(files: untrained, outputDirectory: plain).run()
        let none = try #require(BuildCache(data: try Data(contentsOf: plain.appendingPathComponent(BuildCache.fileName))))
        #expect(none.schedule == nil)
    }

    // MARK: damaged bytes

    /// With a schedule, so the damage reaches its decoder too.
    static func validBytes() throws -> Data {
        try Self.withSchedule().cache.encoded()
    }

    /// `content` with a correct checksum, so the decoder itself, not the checksum, meets the damage.
    static func resealed<Bytes: Sequence>(_ content: Bytes) -> Data where Bytes.Element == UInt8 {
        var data = Data(content)
        data.append(contentsOf: Array(Digest.contents(data).utf8))
        return data
    }

    /// Deterministic noise: a failure must replay.
    struct Noise {
        var state: UInt64
        mutating func next() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in next() } }
    }

    @Test("empty, random and foreign bytes are not a cache")
    func garbage() throws {
        #expect(BuildCache(data: Data()) == nil)
        #expect(BuildCache(data: Data("GLPC".utf8)) == nil)
        var noise = Noise(state: 1)
        for length in [1, 7, 16, 17, 40, 300, 5000] {
            #expect(BuildCache(data: Data(noise.bytes(length))) == nil)
            #expect(BuildCache(data: Self.resealed(noise.bytes(length))) == nil)
        }
        let valid = try Self.validBytes()
        let content = valid.dropLast(16)
        let header = Array(content.prefix(4 + 1 + 1 + GoLiveVersion.current.utf8.count))
        #expect(BuildCache(data: Self.resealed(header)) == nil)
        // A valid header then noise: the decoder proper reads it.
        for seed in 1...200 {
            var noise = Noise(state: UInt64(seed))
            _ = BuildCache(data: Self.resealed(header + noise.bytes(seed * 3)))
        }
        // Another GoLive version's cache.
        let version = Array(GoLiveVersion.current.utf8)
        var foreign = Array(content)
        foreign[6 + version.count - 1] ^= 0x01
        #expect(BuildCache(data: Self.resealed(foreign)) == nil)
    }

    @Test("lengths and counts too large for the bytes are rejected without allocating them")
    func absurdCounts() throws {
        let valid = try Self.validBytes()
        let header = Array(valid.prefix(4 + 1 + 1 + GoLiveVersion.current.utf8.count))
        let tenByteMax: [UInt8] = Array(repeating: 0xFF, count: 9) + [0x01]
        let overflow: [UInt8] = Array(repeating: 0xFF, count: 10) + [0x01]
        for count in [tenByteMax, overflow, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]] {
            // As the file table's count, then as the entry count after an empty table.
            #expect(BuildCache(data: Self.resealed(header + count)) == nil)
            #expect(BuildCache(data: Self.resealed(header + [0] + count)) == nil)
            // As a string length.
            #expect(BuildCache(data: Self.resealed(header + [1] + count + [0x61])) == nil)
        }
    }

    @Test("every truncation of a valid cache is rejected, sealed or not")
    func truncations() throws {
        let valid = try Self.validBytes()
        let content = Array(valid.dropLast(16))
        for length in 0..<valid.count {
            #expect(BuildCache(data: valid.prefix(length)) == nil)
        }
        for length in 0..<content.count {
            #expect(BuildCache(data: Self.resealed(content[..<length])) == nil, "content cut at \(length)")
        }
    }

    @Test("a flipped byte is rejected by the checksum, and the decoder survives it anyway")
    func flippedBytes() throws {
        let valid = try Self.validBytes()
        for index in valid.indices {
            var damaged = valid
            damaged[index] ^= 0x20
            #expect(BuildCache(data: damaged) == nil)
        }
        let content = Array(valid.dropLast(16))
        for index in content.indices {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = content
                damaged[index] ^= mask
                _ = BuildCache(data: Self.resealed(damaged))   // nil or a cache: only not a crash
            }
        }
    }
}
