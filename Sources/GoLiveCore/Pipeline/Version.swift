public enum GoLiveVersion {
    public static let current = "0.1.0"
}
