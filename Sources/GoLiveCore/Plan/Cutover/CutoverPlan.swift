import Foundation

/// The runbook of one wave on the wall clock: absolute start and end of every step in the
/// plan's timezone, the cutover window, the checkpoints and the point of no return. Pure.
public struct CutoverPlan: Sendable {
    public var wave: Wave
    /// In start order (then the plan's order).
    public var steps: [CutoverStep]
    public var windowOpens: LocalMoment
    public var windowCloses: LocalMoment
    public var pointOfNoReturn: LocalMoment?

    public var checkpoints: [CutoverStep] { steps.filter(\.step.checkpoint) }
    /// The checkpoint that ends last.
    public var lastCheckpoint: CutoverStep? { checkpoints.max { $0.end < $1.end } }
    public var first: LocalMoment? { steps.map(\.start).min() }
    public var last: LocalMoment? { steps.map(\.end).max() }

    public init(plan: Plan, wave: Wave, zone: TimeZone) {
        self.wave = wave
        windowOpens = wave.window.opens(j: wave.date)
        windowCloses = wave.window.closes(j: wave.date)
        let closes = windowCloses
        steps = plan.runbook.enumerated().map { index, step in
            let written = step.start.resolve(j: wave.date, defaultTime: wave.window.start)
            // A time skipped by the spring-forward jump is read later by the gap, as ZonedTime does.
            let start = ZonedTime.local(ZonedTime.instant(written, in: zone), in: zone)
            let end = ZonedTime.adding(minutes: step.durationMinutes, to: start, in: zone)
            return (index, CutoverStep(step: step, start: start, written: written, end: end, pastWindow: end > closes))
        }
        .sorted { ($0.1.start, $0.0) < ($1.1.start, $1.0) }
        .map(\.1)
        pointOfNoReturn = plan.fallback?.pointOfNoReturn?.resolve(j: wave.date, defaultTime: wave.window.end)
    }

    /// `J-1 23:30` for a moment of this wave.
    public func label(_ m: LocalMoment) -> String { RelativeMoment.label(m, j: wave.date) }
}

/// The checks a runbook must pass, as warnings at the step (or fallback) they concern.
/// The same problem in several waves is reported once, naming the waves.
public enum CutoverChecks {
    public static func run(_ plan: Plan, zone: TimeZone, _ d: inout Diagnostics) {
        var found: [(location: SourceLocation, message: String, wave: String)] = []
        for wave in plan.deployment.waves {
            let night = CutoverPlan(plan: plan, wave: wave, zone: zone)
            for c in night.steps {
                if let message = WallClock.note(c.written, zone: zone, label: night.label) {
                    found.append((c.step.location, "runbook step '\(c.step.id)' starts at \(message)", wave.id))
                }
            }
            for c in night.steps where c.pastWindow {
                found.append((c.step.location,
                              "runbook step '\(c.step.id)' ends at \(night.label(c.end)), after the cutover window closes at \(night.label(night.windowCloses))",
                              wave.id))
            }
            if let fallback = plan.fallback, let pnr = night.pointOfNoReturn {
                if night.checkpoints.isEmpty {
                    found.append((fallback.location,
                                  "the point of no return (\(night.label(pnr))) has no go/no-go checkpoint before it: mark a runbook step with 'checkpoint: true'",
                                  wave.id))
                } else if let last = night.lastCheckpoint, last.end > pnr {
                    found.append((fallback.location,
                                  "the point of no return (\(night.label(pnr))) comes before the last checkpoint '\(last.step.id)' ends (\(night.label(last.end))): a no-go there could no longer be rolled back",
                                  wave.id))
                }
            }
            for (a, b) in overlaps(night.steps) {
                found.append((b.step.location,
                              "runbook steps '\(a.step.id)' and '\(b.step.id)' of owner '\(b.step.owner?.value ?? "")' overlap: '\(a.step.id)' runs \(night.label(a.start))–\(night.label(a.end)), '\(b.step.id)' starts at \(night.label(b.start))",
                              wave.id))
            }
        }
        var order: [String] = []
        var waves: [String: [String]] = [:]
        var locations: [String: SourceLocation] = [:]
        for f in found {
            let key = "\(f.location)|\(f.message)"
            if waves[key] == nil { order.append(key); locations[key] = f.location }
            waves[key, default: []].append(f.wave)
        }
        for key in order {
            let message = String(key[key.index(after: key.firstIndex(of: "|")!)...])
            let ids = waves[key, default: []].map { "'\($0)'" }.joined(separator: ", ")
            d.warning(locations[key]!, message + " (wave\(waves[key, default: []].count > 1 ? "s" : "") \(ids))")
        }
    }

    /// Pairs of steps of one owner where the second starts before the first ends.
    static func overlaps(_ steps: [CutoverStep]) -> [(CutoverStep, CutoverStep)] {
        var out: [(CutoverStep, CutoverStep)] = []
        for (i, a) in steps.enumerated() {
            guard let owner = a.step.owner?.value else { continue }
            for b in steps[(i + 1)...] where b.step.owner?.value == owner && b.start < a.end {
                out.append((a, b))
            }
        }
        return out
    }
}

/// Wall-clock times that daylight saving makes odd: skipped on the spring-forward night,
/// repeated on the autumn night. `ZonedTime` reads the first forward by the gap and the
/// second as its first occurrence; the runbook says so instead of doing it silently.
enum WallClock {
    /// "J 02:30, which does not exist on 2027-03-28 in Europe/Paris: …", or nil for an ordinary time.
    static func note(_ m: LocalMoment, zone: TimeZone, label: (LocalMoment) -> String) -> String? {
        let instant = ZonedTime.instant(m, in: zone)
        let read = ZonedTime.local(instant, in: zone)
        if read != m {
            // In the gap: the transition happened at most a day before the instant it is read as.
            guard let t = zone.nextDaylightSavingTimeTransition(after: instant.addingTimeInterval(-86_400)) else { return nil }
            let (from, to) = change(at: t, zone: zone)
            let gap = read.wallMinutes - m.wallMinutes
            return "\(label(m)), which does not exist on \(m.date) in \(zone.identifier): clocks go forward from \(from.time) to \(to.time), so it is read as \(label(read)), \(gap) minutes later"
        }
        let now = zone.secondsFromGMT(for: instant)
        let later = zone.secondsFromGMT(for: instant.addingTimeInterval(86_400))
        guard now > later else { return nil }
        let second = instant.addingTimeInterval(TimeInterval(now - later))
        guard ZonedTime.local(second, in: zone) == m,
              let t = zone.nextDaylightSavingTimeTransition(after: instant) else { return nil }
        let (from, to) = change(at: t, zone: zone)
        return "\(label(m)), which occurs twice on \(m.date) in \(zone.identifier): clocks go back from \(from.time) to \(to.time); the first occurrence, before the change, is meant"
    }

    /// The wall clock just before and just after the transition at `t`: (02:00, 03:00) in spring.
    private static func change(at t: Date, zone: TimeZone) -> (LocalMoment, LocalMoment) {
        let seconds = Int(t.timeIntervalSince1970.rounded(.down))
        let before = zone.secondsFromGMT(for: t.addingTimeInterval(-1))
        return (LocalMoment(wallMinutes: (seconds + before) / 60), ZonedTime.local(t, in: zone))
    }
}
