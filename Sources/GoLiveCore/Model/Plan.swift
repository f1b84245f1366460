/// Everything read from a project folder, validated: the single input of every later stage.
public struct Plan: Sendable {
    public var project: Project
    public var decision: Decision
    public var deployment: Deployment
    public var roles: [Role]
    public var runbook: [RunbookStep]
    public var fallback: Fallback?
    public var communications: [Communication]
    public var training: Training?
    public var postGoLive: PostGoLive?
    public var support: Support?
    public var guides: [GuideRef]
    public var audiences: [Audience]
    public var guideSources: [String: GuideSource]
    public var feedback: [FeedbackEntry]
    /// Audience id → position in `audiences`: documents look audiences up once per send, and a
    /// large organisation has a thousand of them.
    public private(set) var audienceIndex: [String: Int] = [:]

    public func wave(_ id: String) -> Wave? { deployment.waves.first { $0.id == id } }
    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }
    public func audience(_ id: String) -> Audience? {
        if let index = audienceIndex[id], index < audiences.count, audiences[index].id == id { return audiences[index] }
        return audiences.first { $0.id == id }
    }

    /// Call after changing `audiences`.
    public mutating func reindex() {
        audienceIndex = Dictionary(audiences.indices.map { (audiences[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func audiences(in wave: Wave) -> [Audience] { audiences.filter { $0.waveID == wave.id } }
}
