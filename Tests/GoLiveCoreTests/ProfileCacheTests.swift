import Foundation
import Testing
@testable import GoLiveCore

/// The profile cache must be invisible: a load from it reads exactly as a load without it, any changed
/// input misses, and no bytes on disk, however damaged, can crash the build.
@Suite("Profile cache")
struct ProfileCacheTests {
    static let example = DiskFiles(root: ProjectFixture.repoRoot)

    /// The cache as the next build would find it: through its bytes.
    static func saved(_ cache: ProfileCache) throws -> ProfileCache {
        try #require(ProfileCache(data: cache.encoded()))
    }

    static func loader(_ files: ProjectFiles) throws -> ProjectLoader {
        ProjectLoader(files: files, templateNames: try TemplateLibrary(project: [:]).names)
    }

    @Test("the example project loads from its cache exactly as without it, and from the cache only")
    func exampleFromCache() throws {
        let first = try LoadedProject.load(Self.example)
        let profiles = try #require(try? FileManager.default.contentsOfDirectory(atPath:
            ProjectFixture.repoRoot.appendingPathComponent("audiences").path)).filter { $0.hasSuffix(".yaml") }
        #expect(first.profileCache.count == profiles.count)
        #expect(first.profileCache.reused == 0)

        let second = try LoadedProject.load(Self.example, cache: try Self.saved(first.profileCache))
        #expect(second.profileCache.reused == profiles.count)
        #expect(String(reflecting: second.plan.audiences) == String(reflecting: first.plan.audiences))
        #expect(second.warnings == first.warnings)
        #expect(second.inputDigests == first.inputDigests)
        #expect(second.renderKey == first.renderKey)
        #expect(second.profileCache.encoded() == first.profileCache.encoded())
    }

    @Test("a generated project of varied profiles round-trips through the cache")
    func syntheticFromCache() throws {
        let files = MemoryFiles(SyntheticProject.files(audiences: 120, waves: 3, seed: 7))
        let first = try LoadedProject.load(files)
        let second = try LoadedProject.load(files, cache: try Self.saved(first.profileCache))
        #expect(second.profileCache.reused == 120)
        #expect(String(reflecting: second.plan.audiences) == String(reflecting: first.plan.audiences))
        #expect(second.warnings == first.warnings)
    }

    @Test("a hit takes the cached result without parsing the file")
    func hitSkipsParsing() throws {
        let files = ProjectFixture.files()
        var cache = try LoadedProject.load(files).profileCache
        let (key, entry) = try #require(cache.entries.first { $0.value.audience?.id == "agents" })
        var doctored = try #require(entry.audience)
        doctored.name = "Doctored"
        cache.entries[key] = ProjectLoader.ReadProfile(audience: doctored, id: entry.id, diagnostics: entry.diagnostics)

        let loaded = try LoadedProject.load(files, cache: try Self.saved(cache))
        #expect(loaded.plan.audiences.map(\.name) == ["Doctored"])
        #expect(loaded.profileCache.reused == 1)
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
        let before = try LoadedProject.load(ProjectFixture.files(plan: change.basePlan, audience: change.baseAudience)).profileCache
        let files = ProjectFixture.files(plan: change.plan, audience: change.audience)
        let cached = try LoadedProject.load(files, cache: try Self.saved(before))
        let fresh = try LoadedProject.load(files)
        #expect(cached.profileCache.reused == change.reused)
        #expect(String(reflecting: cached.plan.audiences) == String(reflecting: fresh.plan.audiences))
        #expect(cached.warnings == fresh.warnings)
    }

    @Test("the new headcount is read after the profile changed")
    func changedProfileReadsAnew() throws {
        let before = try LoadedProject.load(ProjectFixture.files()).profileCache
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
        let before = try LoadedProject.load(two).profileCache
        #expect(before.count == 2)
        let after = try LoadedProject.load(ProjectFixture.files(), cache: try Self.saved(before)).profileCache
        #expect(after.count == 1)
        #expect(after.reused == 1)
    }

    @Test("the bytes are the same for the same profiles, and survive a round trip unchanged")
    func deterministic() throws {
        let a = try LoadedProject.load(Self.example).profileCache.encoded()
        let b = try LoadedProject.load(Self.example).profileCache.encoded()
        #expect(a == b)
        #expect(try Self.saved(try #require(ProfileCache(data: a))).encoded() == a)
        #expect(ProfileCache().encoded() == ProfileCache().encoded())
        #expect(try #require(ProfileCache(data: ProfileCache().encoded())).count == 0)
    }

    // MARK: damaged bytes

    static func validBytes() throws -> Data {
        try LoadedProject.load(Self.example).profileCache.encoded()
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
        #expect(ProfileCache(data: Data()) == nil)
        #expect(ProfileCache(data: Data("GLPC".utf8)) == nil)
        var noise = Noise(state: 1)
        for length in [1, 7, 16, 17, 40, 300, 5000] {
            #expect(ProfileCache(data: Data(noise.bytes(length))) == nil)
            #expect(ProfileCache(data: Self.resealed(noise.bytes(length))) == nil)
        }
        let valid = try Self.validBytes()
        let content = valid.dropLast(16)
        let header = Array(content.prefix(4 + 1 + 1 + GoLiveVersion.current.utf8.count))
        #expect(ProfileCache(data: Self.resealed(header)) == nil)
        // A valid header then noise: the decoder proper reads it.
        for seed in 1...200 {
            var noise = Noise(state: UInt64(seed))
            _ = ProfileCache(data: Self.resealed(header + noise.bytes(seed * 3)))
        }
        // Another GoLive version's cache.
        let version = Array(GoLiveVersion.current.utf8)
        var foreign = Array(content)
        foreign[6 + version.count - 1] ^= 0x01
        #expect(ProfileCache(data: Self.resealed(foreign)) == nil)
    }

    @Test("lengths and counts too large for the bytes are rejected without allocating them")
    func absurdCounts() throws {
        let valid = try Self.validBytes()
        let header = Array(valid.prefix(4 + 1 + 1 + GoLiveVersion.current.utf8.count))
        let tenByteMax: [UInt8] = Array(repeating: 0xFF, count: 9) + [0x01]
        let overflow: [UInt8] = Array(repeating: 0xFF, count: 10) + [0x01]
        for count in [tenByteMax, overflow, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]] {
            // As the file table's count, then as the entry count after an empty table.
            #expect(ProfileCache(data: Self.resealed(header + count)) == nil)
            #expect(ProfileCache(data: Self.resealed(header + [0] + count)) == nil)
            // As a string length.
            #expect(ProfileCache(data: Self.resealed(header + [1] + count + [0x61])) == nil)
        }
    }

    @Test("every truncation of a valid cache is rejected, sealed or not")
    func truncations() throws {
        let valid = try Self.validBytes()
        let content = Array(valid.dropLast(16))
        for length in 0..<valid.count {
            #expect(ProfileCache(data: valid.prefix(length)) == nil)
        }
        for length in 0..<content.count {
            #expect(ProfileCache(data: Self.resealed(content[..<length])) == nil, "content cut at \(length)")
        }
    }

    @Test("a flipped byte is rejected by the checksum, and the decoder survives it anyway")
    func flippedBytes() throws {
        let valid = try Self.validBytes()
        for index in valid.indices {
            var damaged = valid
            damaged[index] ^= 0x20
            #expect(ProfileCache(data: damaged) == nil)
        }
        let content = Array(valid.dropLast(16))
        for index in content.indices {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = content
                damaged[index] ^= mask
                _ = ProfileCache(data: Self.resealed(damaged))   // nil or a cache: only not a crash
            }
        }
    }
}
