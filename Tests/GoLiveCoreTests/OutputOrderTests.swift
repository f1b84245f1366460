import Foundation
import Testing
@testable import GoLiveCore

/// A build gives its outputs in path order: the manifest, the change report and the look-ups by
/// bisection depend on it. The fast sort must give exactly the order `<` gives.
@Suite("Output order")
struct OutputOrderTests {
    /// Deterministic noise: a failure must replay.
    struct Noise {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func paths(_ count: Int, seed: UInt64, alphabet: [String]) -> [String] {
        var noise = Noise(state: seed)
        // Long shared prefixes, as in `aud-12/comms/2027-03-19-golive.html`, so ties past 32 bytes happen.
        let stems = ["aud-1/comms/2027-03-19-", "aud-12/comms/2027-03-19-golive-intranet", "aud-1", "a", "",
                     "training/trainers/t-", "aud-100/comms/2027-03-19-golive-intranet.html"]
        return (0..<count).map { _ in
            var path = stems[noise.next(stems.count)]
            for _ in 0..<noise.next(12) { path += alphabet[noise.next(alphabet.count)] }
            return path
        }
    }

    @Test("ASCII paths, with shared prefixes longer than 32 bytes and duplicates, sort as with <", arguments: [1, 2, 3])
    func ascii(seed: UInt64) {
        let paths = Self.paths(3000, seed: seed, alphabet: ["a", "b", "/", ".", "-", "0", "9", "z", "A", "~"])
        let files = paths.map { OutputFile(path: $0, data: Data()) }
        #expect(OutputFile.sortedByPath(files).map(\.path) == paths.sorted())
    }

    /// The build sorts its outputs in place, moving each file to its position: every file must arrive
    /// whole (its bytes with its path, kept ones with their size), and files of the same path keep
    /// their order. Past 8,192 files, halves are sorted on two cores and merged.
    @Test("sorting in place moves whole files, in the order < gives", arguments: [(6, 3000), (7, 12000), (8, 8193)])
    func inPlace(seed: UInt64, count: Int) {
        let paths = Self.paths(count, seed: seed, alphabet: ["a", "/", "-", "0", "z"])
        let files = paths.enumerated().map { index, path in
            index % 3 == 0 ? OutputFile.kept(path, size: index) : OutputFile(path: path, text: "\(index) \(path)")
        }
        var sorted = files
        OutputFile.sortByPath(&sorted)
        #expect(sorted.map(\.path) == paths.sorted())
        let expected = files.enumerated().sorted { $0.element.path != $1.element.path ? $0.element.path < $1.element.path : $0.offset < $1.offset }
        #expect(sorted == expected.map(\.element))
        #expect(files.map(\.path) == paths, "the array sorted is a copy")
    }

    @Test("paths that are not all ASCII sort as with <, decomposed accents included", arguments: [4, 5])
    func unicode(seed: UInt64) {
        let paths = Self.paths(2000, seed: seed, alphabet: ["e", "f", "\u{301}", "é", "/", "ß", "z", "Ω"])
        let files = paths.map { OutputFile(path: $0, data: Data()) }
        #expect(OutputFile.sortedByPath(files).map(\.path) == paths.sorted())
    }

    /// The writer takes a build's outputs as in path order, without checking it again (it looks files
    /// up by bisection): a first build and a rebuild after feedback must give them so.
    @Test func aBuildGivesItsOutputsInPathOrder() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("golive-order-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        for files in [TrainingOutputFixture.files(), RebuildTests.withEntry] {
            var times: [(String, Double)] = []
            let rendered = try Build(files: files, outputDirectory: out).render(times: &times)
            #expect(rendered.outputs.count > 100)
            #expect(OutputFile.isSortedByPath(rendered.outputs))
            _ = try Build(files: files, outputDirectory: out).run()
        }
    }
}
