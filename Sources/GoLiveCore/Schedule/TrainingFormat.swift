/// How a training module is delivered. Only classroom and remote sessions take a slot;
/// e-learning is self-paced and needs neither a trainer nor a room.
public enum TrainingFormat: String, Sendable, CaseIterable {
    case classroom
    case remote
    case elearning
}
