import Foundation
import Testing
@testable import GoLiveCore

/// Digests decide what a build rewrites and which guide versions move: a digest that missed a
/// change would leave a stale document in the output folder.
@Suite("Digests")
struct DigestTests {
    /// The published FNV-1a 64 test vectors: the text digest must never change, or every guide's
    /// version would move on the next build.
    @Test func theTextDigestIsFNV1a() {
        #expect(Digest.fnv1a("") == "cbf29ce484222325")
        #expect(Digest.fnv1a("a") == "af63dc4c8601ec8c")
        #expect(Digest.fnv1a("foobar") == "85944171f73967e8")
    }

    @Test func everyOneByteChangeAndEveryLengthGivesAnotherFileDigest() {
        var random = SystemRandomNumberGenerator()
        var seen: [String: Data] = [:]
        for length in 0..<70 {
            let data = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &random) })
            var variants = [data, data + [0]]
            for index in 0..<length {
                var changed = data
                changed[index] ^= 1 << UInt8(index % 8)
                variants.append(changed)
            }
            for variant in variants {
                let digest = Digest.contents(variant)
                if let earlier = seen[digest] { #expect(earlier == variant, "collision at length \(length)") }
                seen[digest] = variant
            }
        }
        #expect(seen.count > 2_000)
    }

    @Test func aSliceDigestsLikeItsBytes() {
        let whole = Data("Passage à Atlas: ce qu'il faut savoir".utf8)
        let slice = whole[5..<29]
        #expect(Digest.contents(slice) == Digest.contents(Data(slice)))
        #expect(Digest.contents(whole) == Digest.contents(Data(whole)))
    }
}
