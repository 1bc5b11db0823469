/// Countries Truce can name from datasets' codes (ISO numeric, ISO alpha-3, FIPS 10-4, UCDP names), with the
/// zone their local dates are read in.
///
/// Every country's codes are known (``codes``, generated from the GeoNames country table); the countries of
/// current conflict datasets are listed here with their zone and UCDP name. A country not listed reads local
/// dates in UTC.
public enum Countries {
    /// One country under each coding scheme datasets use.
    public struct Country: Sendable {
        public var alpha2: String
        public var alpha3: String
        public var numeric: Int
        /// FIPS 10-4 codes, as GDELT's geography uses (Palestine has two: Gaza Strip `GZ`, West Bank `WE`).
        public var fips: [String]
        /// The name as UCDP writes it, without a bracketed former name.
        public var name: String
        /// The zone local dates in this country are read in.
        public var zone: String
    }

    public static let all: [Country] = [
        Country(alpha2: "AF", alpha3: "AFG", numeric: 4, fips: ["AF"], name: "Afghanistan", zone: "Asia/Kabul"),
        Country(alpha2: "AM", alpha3: "ARM", numeric: 51, fips: ["AM"], name: "Armenia", zone: "Asia/Yerevan"),
        Country(alpha2: "AZ", alpha3: "AZE", numeric: 31, fips: ["AJ"], name: "Azerbaijan", zone: "Asia/Baku"),
        Country(alpha2: "BF", alpha3: "BFA", numeric: 854, fips: ["UV"], name: "Burkina Faso", zone: "Africa/Ouagadougou"),
        Country(alpha2: "BY", alpha3: "BLR", numeric: 112, fips: ["BO"], name: "Belarus", zone: "Europe/Minsk"),
        Country(alpha2: "CD", alpha3: "COD", numeric: 180, fips: ["CG"], name: "DR Congo", zone: "Africa/Kinshasa"),
        Country(alpha2: "CF", alpha3: "CAF", numeric: 140, fips: ["CT"], name: "Central African Republic", zone: "Africa/Bangui"),
        Country(alpha2: "CM", alpha3: "CMR", numeric: 120, fips: ["CM"], name: "Cameroon", zone: "Africa/Douala"),
        Country(alpha2: "CO", alpha3: "COL", numeric: 170, fips: ["CO"], name: "Colombia", zone: "America/Bogota"),
        Country(alpha2: "EG", alpha3: "EGY", numeric: 818, fips: ["EG"], name: "Egypt", zone: "Africa/Cairo"),
        Country(alpha2: "ET", alpha3: "ETH", numeric: 231, fips: ["ET"], name: "Ethiopia", zone: "Africa/Addis_Ababa"),
        Country(alpha2: "GE", alpha3: "GEO", numeric: 268, fips: ["GG"], name: "Georgia", zone: "Asia/Tbilisi"),
        Country(alpha2: "HT", alpha3: "HTI", numeric: 332, fips: ["HA"], name: "Haiti", zone: "America/Port-au-Prince"),
        Country(alpha2: "IL", alpha3: "ISR", numeric: 376, fips: ["IS"], name: "Israel", zone: "Asia/Jerusalem"),
        Country(alpha2: "IN", alpha3: "IND", numeric: 356, fips: ["IN"], name: "India", zone: "Asia/Kolkata"),
        Country(alpha2: "IQ", alpha3: "IRQ", numeric: 368, fips: ["IZ"], name: "Iraq", zone: "Asia/Baghdad"),
        Country(alpha2: "IR", alpha3: "IRN", numeric: 364, fips: ["IR"], name: "Iran", zone: "Asia/Tehran"),
        Country(alpha2: "JO", alpha3: "JOR", numeric: 400, fips: ["JO"], name: "Jordan", zone: "Asia/Amman"),
        Country(alpha2: "KE", alpha3: "KEN", numeric: 404, fips: ["KE"], name: "Kenya", zone: "Africa/Nairobi"),
        Country(alpha2: "LB", alpha3: "LBN", numeric: 422, fips: ["LE"], name: "Lebanon", zone: "Asia/Beirut"),
        Country(alpha2: "LY", alpha3: "LBY", numeric: 434, fips: ["LY"], name: "Libya", zone: "Africa/Tripoli"),
        Country(alpha2: "MD", alpha3: "MDA", numeric: 498, fips: ["MD"], name: "Moldova", zone: "Europe/Chisinau"),
        Country(alpha2: "ML", alpha3: "MLI", numeric: 466, fips: ["ML"], name: "Mali", zone: "Africa/Bamako"),
        Country(alpha2: "MM", alpha3: "MMR", numeric: 104, fips: ["BM"], name: "Myanmar", zone: "Asia/Yangon"),
        Country(alpha2: "MX", alpha3: "MEX", numeric: 484, fips: ["MX"], name: "Mexico", zone: "America/Mexico_City"),
        Country(alpha2: "MZ", alpha3: "MOZ", numeric: 508, fips: ["MZ"], name: "Mozambique", zone: "Africa/Maputo"),
        Country(alpha2: "NE", alpha3: "NER", numeric: 562, fips: ["NG"], name: "Niger", zone: "Africa/Niamey"),
        Country(alpha2: "NG", alpha3: "NGA", numeric: 566, fips: ["NI"], name: "Nigeria", zone: "Africa/Lagos"),
        Country(alpha2: "PK", alpha3: "PAK", numeric: 586, fips: ["PK"], name: "Pakistan", zone: "Asia/Karachi"),
        Country(alpha2: "PS", alpha3: "PSE", numeric: 275, fips: ["GZ", "WE"], name: "Palestine", zone: "Asia/Gaza"),
        Country(alpha2: "QA", alpha3: "QAT", numeric: 634, fips: ["QA"], name: "Qatar", zone: "Asia/Qatar"),
        Country(alpha2: "RU", alpha3: "RUS", numeric: 643, fips: ["RS"], name: "Russia", zone: "Europe/Moscow"),
        Country(alpha2: "SA", alpha3: "SAU", numeric: 682, fips: ["SA"], name: "Saudi Arabia", zone: "Asia/Riyadh"),
        Country(alpha2: "SD", alpha3: "SDN", numeric: 729, fips: ["SU"], name: "Sudan", zone: "Africa/Khartoum"),
        Country(alpha2: "SO", alpha3: "SOM", numeric: 706, fips: ["SO"], name: "Somalia", zone: "Africa/Mogadishu"),
        Country(alpha2: "SS", alpha3: "SSD", numeric: 728, fips: ["OD"], name: "South Sudan", zone: "Africa/Juba"),
        Country(alpha2: "SY", alpha3: "SYR", numeric: 760, fips: ["SY"], name: "Syria", zone: "Asia/Damascus"),
        Country(alpha2: "TD", alpha3: "TCD", numeric: 148, fips: ["CD"], name: "Chad", zone: "Africa/Ndjamena"),
        Country(alpha2: "TR", alpha3: "TUR", numeric: 792, fips: ["TU"], name: "Turkey", zone: "Europe/Istanbul"),
        Country(alpha2: "UA", alpha3: "UKR", numeric: 804, fips: ["UP"], name: "Ukraine", zone: "Europe/Kyiv"),
        Country(alpha2: "US", alpha3: "USA", numeric: 840, fips: ["US"], name: "United States of America", zone: "America/New_York"),
        Country(alpha2: "YE", alpha3: "YEM", numeric: 887, fips: ["YM"], name: "Yemen", zone: "Asia/Aden"),
    ]

    private static let byAlpha2 = Dictionary(all.map { ($0.alpha2, $0) }, uniquingKeysWith: { first, _ in first })
    // The listed countries first, then every other country of the generated table (``codes``).
    private static let alpha2ByNumeric = Dictionary(
        all.map { ($0.numeric, $0.alpha2) } + codes.filter { $0.numeric > 0 }.map { ($0.numeric, $0.alpha2) }, uniquingKeysWith: { first, _ in first }
    )
    private static let alpha2ByAlpha3 = Dictionary(
        all.map { ($0.alpha3, $0.alpha2) } + codes.map { ($0.alpha3, $0.alpha2) }, uniquingKeysWith: { first, _ in first })
    private static let alpha2ByFIPS = Dictionary(
        all.flatMap { country in country.fips.map { ($0, country.alpha2) } } + codes.filter { !$0.fips.isEmpty }.map { ($0.fips, $0.alpha2) },
        uniquingKeysWith: { first, _ in first })
    /// Zones resolved once, as the lookup runs on every imported row.
    private static let zonesByAlpha2: [String: ZoneIdentifier] = Dictionary(
        all.compactMap { country in ZoneIdentifier(country.zone).map { (country.alpha2, $0) } }, uniquingKeysWith: { first, _ in first })

    /// The alpha-2 code for an ISO numeric code (ACLED's `iso`), if it is a country's.
    public static func alpha2(numeric code: Int) -> String? { alpha2ByNumeric[code] }

    /// The alpha-2 code for an ISO alpha-3 code (UCDP's `iso3`, CAMEO actor country codes), if it is a country's.
    public static func alpha2(alpha3 code: String) -> String? { alpha2ByAlpha3[code.uppercased()] }

    /// The alpha-2 code for a FIPS 10-4 code (GDELT's geography), if it is a country's.
    public static func alpha2(fips code: String) -> String? { alpha2ByFIPS[code] }

    /// The alpha-2 code for a UCDP country name such as `Ukraine` or `Russia (Soviet Union)`, if listed.
    public static func alpha2(ucdpName name: String) -> String? {
        all.first { name == $0.name || name.hasPrefix($0.name + " (") }?.alpha2
    }

    /// The zone local dates in this country are read in; UTC when the country is not listed.
    public static func zone(alpha2: String?) -> ZoneIdentifier {
        guard let alpha2 else { return .utc }
        return zonesByAlpha2[alpha2] ?? .utc
    }
}
