/// Zero-padded decimal numbers written as bytes, for the dates, times and sort keys of every
/// file: `String(format:)` went through Foundation and a C varargs call for each.
enum Digits {
    /// `value` in at least `width` characters, like printf's `%0<width>d` (a minus sign counts in the width).
    static func padded(_ value: Int, _ width: Int) -> String {
        if value < 0 { return "-" + padded(0 - value, max(width - 1, 0)) }
        var count = 1
        var rest = value / 10
        while rest > 0 { count += 1; rest /= 10 }
        let length = max(count, width)
        return String(unsafeUninitializedCapacity: length) { buffer in
            var v = value
            for i in stride(from: length - 1, through: 0, by: -1) {
                buffer[i] = 0x30 + UInt8(v % 10)
                v /= 10
            }
            return length
        }
    }
}
