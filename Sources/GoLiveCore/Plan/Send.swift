/// One message to one audience at one moment: a row of the communication plan.
public struct Send: Sendable, Hashable {
    public var communicationID: String
    public var audienceID: String
    public var waveID: String
    public var moment: LocalMoment

    /// `2027-02-17-teaser`: the message's file name under `out/<audience>/comms/`.
    public var fileStem: String { moment.date.description + "-" + communicationID }
}

public enum CommsCalendar {
    /// Every send of the plan, in the order the comms team works: by moment, then audience, then message.
    public static func sends(for plan: Plan) -> [Send] {
        var sends: [Send] = []
        for communication in plan.communications {
            for audience in plan.audiences where communication.targets(audience) {
                guard let wave = plan.wave(audience.waveID) else { continue }
                let moment = communication.at.resolve(j: wave.date, defaultTime: Communication.defaultSendTime)
                sends.append(Send(communicationID: communication.id, audienceID: audience.id, waveID: wave.id, moment: moment))
            }
        }
        return sends.sorted { ($0.moment, $0.audienceID, $0.communicationID) < ($1.moment, $1.audienceID, $1.communicationID) }
    }
}
