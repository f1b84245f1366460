/// Busy time per resource (trainer or room) and per day. A free check reads one day of
/// one resource, so placing a session costs the same whether 10 or 10,000 are placed.
struct OccupancyIndex: Sendable {
    private struct Span: Sendable {
        let start: Int
        let end: Int
    }

    private var busy: [[Int: [Span]]]

    init(resources: Int) {
        busy = Array(repeating: [:], count: resources)
    }

    /// Whether `resource` is free for the half-open minute range `start ..< end` of `day`.
    func isFree(_ resource: Int, day: Int, start: Int, end: Int) -> Bool {
        guard let spans = busy[resource][day] else { return true }
        return !spans.contains { $0.start < end && start < $0.end }
    }

    mutating func book(_ resource: Int, day: Int, start: Int, end: Int) {
        busy[resource][day, default: []].append(Span(start: start, end: end))
    }
}
