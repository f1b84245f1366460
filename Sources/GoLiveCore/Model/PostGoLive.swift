public struct PostGoLive: Sendable {
    public struct Check: Sendable, Identifiable {
        public var id: String
        public var title: String
        public var owner: Located<String>?
        public var at: MomentRef?
    }

    public struct DailyMeeting: Sendable {
        public var time: TimeOfDay
        public var durationMinutes: Int
        public var from: DayRef
        public var to: DayRef
        public var participants: [Located<String>]
        public var place: String?
    }

    public struct Hypercare: Sendable {
        public var until: DayRef
        public var contact: String?
        /// Our extension to the contract: what must be true to leave hypercare.
        public var exitCriteria: [String]
    }

    public var checks: [Check]
    public var dailyMeeting: DailyMeeting?
    public var hypercare: Hypercare?
}

public struct Support: Sendable {
    public struct Team: Sendable, Identifiable {
        public var id: String
        public var name: String
        public var scope: String?
        public var contact: String?
    }

    public struct Meeting: Sendable {
        public var title: String
        public var at: MomentRef
        public var durationMinutes: Int
        public var with: [Located<String>]
    }

    public struct Handover: Sendable {
        public var date: DayRef?
        public var meetings: [Meeting]
        public var documents: [String]
    }

    public var teams: [Team]
    public var handover: Handover?
}

public struct GuideRef: Sendable, Identifiable {
    public var id: String
    public var title: String
    public var source: Located<String>
    public var version: String
}
