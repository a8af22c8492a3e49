extension Double {
    /// "3" for a whole value, "2.5" otherwise. Never traps: a figure a person typed can be any size,
    /// and converting a huge or infinite Double to Int stops the process.
    public var figureText: String {
        guard isFinite, self == rounded(), abs(self) < 1e15 else { return String(self) }
        return String(Int(self))
    }
}
