import Foundation

/// A wall-clock time `HH:MM` in the plan's timezone.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes since midnight, 0 ..< 1440.
    public let minutes: Int

    public init?(minutes: Int) {
        guard (0..<1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.minutes = hour * 60 + minute
    }

    /// Parses 24h `HH:MM` (also accepts `H:MM`).
    public init?(text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(hour: h, minute: m)
    }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    /// `HH:MM`, zero-padded by hand rather than through `String(format:)`.
    public var description: String {
        String(unsafeUninitializedCapacity: 5) { b in
            let h = hour, m = minute
            b[0] = 0x30 + UInt8(h / 10); b[1] = 0x30 + UInt8(h % 10)
            b[2] = 0x3A
            b[3] = 0x30 + UInt8(m / 10); b[4] = 0x30 + UInt8(m % 10)
            return 5
        }
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }
}
