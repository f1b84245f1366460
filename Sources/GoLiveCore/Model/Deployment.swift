/// An off-peak cutover window. It closes on J: `20:00–06:00` runs from J-1 20:00 to J 06:00;
/// a window that does not cross midnight (`08:00–12:00`) runs on J itself.
public struct CutoverWindow: Sendable, Hashable {
    public var start: TimeOfDay
    public var end: TimeOfDay

    public var crossesMidnight: Bool { end <= start }

    public func opens(j: CivilDate) -> LocalMoment {
        LocalMoment(date: crossesMidnight ? j.adding(days: -1) : j, time: start)
    }

    public func closes(j: CivilDate) -> LocalMoment { LocalMoment(date: j, time: end) }
}

public struct Wave: Sendable, Identifiable {
    public var id: String
    public var name: String
    /// J for this wave's audiences.
    public var date: CivilDate
    public var window: CutoverWindow
    public var scope: [String]
    public var location: SourceLocation
}

public struct Deployment: Sendable {
    public enum Mode: String, Sendable, CaseIterable { case progressive, global }
    public var mode: Mode
    public var window: CutoverWindow?
    public var waves: [Wave]
}

public struct Role: Sendable, Identifiable {
    public var id: String
    public var name: String
    public var person: Project.Person?
}

public struct RunbookStep: Sendable, Identifiable {
    public var id: String
    public var title: String
    public var owner: Located<String>?
    public var start: MomentRef
    public var durationMinutes: Int
    public var checkpoint: Bool
    public var rollback: String?
    public var location: SourceLocation
}

public struct Fallback: Sendable {
    public var trigger: String?
    public var pointOfNoReturn: MomentRef?
    public var decidedBy: Located<String>?
    public var steps: [String]
    public var location: SourceLocation
}
