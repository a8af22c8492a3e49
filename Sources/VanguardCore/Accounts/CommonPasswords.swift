/// Passwords long enough to pass the length rule that still appear near the top of breach lists
/// (NCSC's list of the 100,000 most common, and variations seen in NHS phishing reports).
/// Compared lower-cased. A small list by design: the length rule does most of the work.
enum CommonPasswords {
    static let all: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "123456123456", "123123123123", "111111111111",
        "000000000000", "121212121212", "112233445566", "987654321098", "147258369147", "123456789abc",
        "password1234", "password12345", "password123!", "password2024", "password2025", "password2026",
        "passwordpassword", "password1password", "p@ssword1234", "p@ssw0rd1234", "passw0rd1234",
        "qwertyuiopas", "qwerty123456", "qwertyuiop12", "qwertyuiop123", "1qaz2wsx3edc", "1q2w3e4r5t6y",
        "zaq12wsxcde3", "asdfghjkl123", "asdfasdfasdf", "zxcvbnm12345", "abcdefghijkl", "abcdef123456",
        "abc123abc123", "iloveyou1234", "iloveyou12345", "letmein12345", "welcome12345", "welcome123456",
        "welcome2024!", "changeme1234", "changeme12345", "administrator", "administrator1", "admin1234567",
        "football1234", "liverpool1234", "chelsea12345", "arsenal12345", "manchester12", "manchesterunited",
        "monkey123456", "dragon123456", "sunshine1234", "princess1234", "superman1234", "starwars1234",
        "trustno1trustno1", "baseball1234", "whatever1234", "mustang12345", "shadow123456", "michael12345",
        "nhspassword1", "nhspassword123", "nhsnhsnhsnhs", "vanguard1234", "vanguard12345", "newcaremodels",
        "summer2024!!", "winter2024!!", "spring2025!!", "autumn2025!!", "january12345", "september2015",
    ]
}
