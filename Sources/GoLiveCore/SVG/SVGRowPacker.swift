/// Stacks horizontal extents into as few rows as possible without overlap:
/// each item, in the order given, goes into the first row where it fits.
/// Deterministic and stable, so the same plan always draws the same picture.
enum SVGRowPacker {
    /// Returns the row index of each extent (`from...to`, in user units).
    static func rows(for extents: [(from: Double, to: Double)], gap: Double = 6) -> [Int] {
        var rowEnds: [Double] = []
        var result: [Int] = []
        for e in extents {
            if let r = rowEnds.firstIndex(where: { $0 + gap <= e.from }) {
                rowEnds[r] = e.to
                result.append(r)
            } else {
                rowEnds.append(e.to)
                result.append(rowEnds.count - 1)
            }
        }
        return result
    }
}
