/// A wall-clock moment written relative to a wave's go-live day: `J-1 23:30`, `J 00:30`, `J+2 09:30`.
public enum RelativeMoment {
    public static func label(_ m: LocalMoment, j: CivilDate) -> String {
        "\(DayRef.relative(j.days(until: m.date))) \(m.time)"
    }
}
