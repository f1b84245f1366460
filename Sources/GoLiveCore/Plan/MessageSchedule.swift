/// One message to render and send: a `Send` with the template, channel and signature it goes out with.
public struct ScheduledMessage: Sendable, Hashable {
    public var send: Send
    public var template: String
    public var channel: Communication.Channel
    public var sender: String?
    /// The communication's `from`, as written in the plan (`address` or `Name <address>`).
    public var from: String? = nil

    /// `agents-paris/comms/2027-02-17-teaser`: the output path without extension.
    public var stem: String { "\(send.audienceID)/comms/\(send.fileStem)" }

    /// The file the comms team sends, relative to the output folder: the draft e-mail for
    /// e-mail, the Markdown for chat and SMS (it pastes as formatted text), the page otherwise.
    public var fileToSend: String {
        switch channel {
        case .email: return stem + ".eml"
        case .teams, .sms: return stem + ".md"
        case .intranet, .meeting, .print: return stem + ".html"
        }
    }
}

/// The messages a build renders. Normally one per send of the communication plan; after a
/// `no-go` decision, only the postponement message, once per audience.
public enum MessageSchedule {
    public static let postponedTemplate = "announcement/postponed"
    public static let postponedID = "postponed"

    public static func messages(for plan: Plan, sends: [Send]) -> [ScheduledMessage] {
        if plan.decision.status == .noGo { return postponement(plan) }
        let communications = Dictionary(plan.communications.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return sends.compactMap { send in
            guard let c = communications[send.communicationID] else { return nil }
            return ScheduledMessage(send: send, template: c.template.value, channel: c.channel,
                                    sender: c.sender, from: c.from)
        }
    }

    /// Dated at the decision, or the day before the first wave when the plan gives no decision date.
    static func postponement(_ plan: Plan) -> [ScheduledMessage] {
        let firstWave = plan.deployment.waves.map(\.date).min()
        guard let day = plan.decision.date ?? firstWave?.adding(days: -1) else { return [] }
        let moment = LocalMoment(date: day, time: Communication.defaultSendTime)
        return plan.audiences.compactMap { audience in
            guard plan.wave(audience.waveID) != nil else { return nil }
            let send = Send(communicationID: postponedID, audienceID: audience.id, waveID: audience.waveID, moment: moment)
            return ScheduledMessage(send: send, template: postponedTemplate, channel: .email, sender: nil)
        }.sorted { $0.send.audienceID < $1.send.audienceID }
    }
}
