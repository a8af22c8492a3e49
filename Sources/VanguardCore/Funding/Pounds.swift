/// Whole pounds as written in England: "£1,250,000".
public enum Pounds {
    public static func text(_ pounds: Int) -> String {
        let digits = String(abs(pounds))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (pounds < 0 ? "−£" : "£") + grouped
    }
}
