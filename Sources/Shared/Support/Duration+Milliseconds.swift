extension Duration {
    /// Whole milliseconds, as Redis's time arguments (BLOCK, PX, IDLE, min-idle-time) take them.
    public var wholeMilliseconds: Int {
        Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000)
    }
}
