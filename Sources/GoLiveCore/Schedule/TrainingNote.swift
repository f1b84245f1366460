/// A warning about a schedule that fits but deserves attention (a tight spot, a room
/// smaller than the module allows, a module listed twice…).
public struct TrainingNote: Sendable, Equatable, Hashable {
    public var audienceID: String
    public var moduleID: String
    public var message: String

    public init(audienceID: String, moduleID: String, message: String) {
        self.audienceID = audienceID
        self.moduleID = moduleID
        self.message = message
    }
}
