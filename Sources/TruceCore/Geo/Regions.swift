import Foundation

/// First-order regions by ISO 3166-2 code, with the names sources use for them in English (with older
/// transliterations), Ukrainian and Russian, so "Kharkiv Oblast", "Kharkov", "Харківська область" and
/// "Харьковская область" all name `UA-63`.
public enum Regions {
    /// Code → names; matching ignores case, apostrophes and words such as "Oblast", "область", "Region".
    static let names: [String: [String]] = [
        "UA-05": ["Vinnytsia", "Vinnytska", "Vinnitsa", "Вінницька", "Винницкая"],
        "UA-07": ["Volyn", "Volynska", "Volhynia", "Волинська", "Волынская"],
        "UA-09": ["Luhansk", "Luhanska", "Lugansk", "Луганська", "Луганская"],
        "UA-12": ["Dnipropetrovsk", "Dnipropetrovska", "Dnepropetrovsk", "Дніпропетровська", "Днепропетровская"],
        "UA-14": ["Donetsk", "Donetska", "Донецька", "Донецкая"],
        "UA-18": ["Zhytomyr", "Zhytomyrska", "Zhitomir", "Житомирська", "Житомирская"],
        "UA-21": ["Zakarpattia", "Zakarpatska", "Transcarpathia", "Zakarpattya", "Закарпатська", "Закарпатская"],
        "UA-23": ["Zaporizhzhia", "Zaporizka", "Zaporizhia", "Zaporozhye", "Запорізька", "Запорожская"],
        "UA-26": ["Ivano-Frankivsk", "Ivano-Frankivska", "Ivano-Frankovsk", "Івано-Франківська", "Ивано-Франковская"],
        "UA-30": ["Kyiv City", "Kiev City", "місто Київ", "город Киев"],
        // Bare "Kyiv" is the oblast, as ACLED's admin1 uses it ("Kyiv City" is the city).
        "UA-32": ["Kyiv", "Kiev", "Kyivska", "Київська", "Киевская"],
        "UA-35": ["Kirovohrad", "Kirovohradska", "Kirovograd", "Kropyvnytskyi", "Кіровоградська", "Кировоградская"],
        "UA-40": ["Sevastopol", "Севастополь"],
        "UA-43": ["Crimea", "Autonomous Republic of Crimea", "Krym", "Крим", "Крым", "Автономна Республіка Крим", "Республика Крым"],
        "UA-46": ["Lviv", "Lvivska", "Lvov", "Львівська", "Львовская"],
        "UA-48": ["Mykolaiv", "Mykolaivska", "Nikolaev", "Nikolayev", "Миколаївська", "Николаевская"],
        "UA-51": ["Odesa", "Odeska", "Odessa", "Одеська", "Одесская"],
        "UA-53": ["Poltava", "Poltavska", "Полтавська", "Полтавская"],
        "UA-56": ["Rivne", "Rivnenska", "Rovno", "Рівненська", "Ровенская"],
        "UA-59": ["Sumy", "Sumska", "Сумська", "Сумская"],
        "UA-61": ["Ternopil", "Ternopilska", "Ternopol", "Тернопільська", "Тернопольская"],
        "UA-63": ["Kharkiv", "Kharkivska", "Kharkov", "Харківська", "Харьковская"],
        "UA-65": ["Kherson", "Khersonska", "Херсонська", "Херсонская"],
        "UA-68": ["Khmelnytskyi", "Khmelnytska", "Khmelnitsky", "Хмельницька", "Хмельницкая"],
        "UA-71": ["Cherkasy", "Cherkaska", "Cherkassy", "Черкаська", "Черкасская"],
        "UA-74": ["Chernihiv", "Chernihivska", "Chernigov", "Чернігівська", "Черниговская"],
        "UA-77": ["Chernivtsi", "Chernivetska", "Chernovtsy", "Чернівецька", "Черновицкая"],
        "PS-GZA": ["Gaza Strip", "Gaza", "قطاع غزة", "Сектор Газа"],
        "PS-WBK": ["West Bank", "الضفة الغربية", "Западный берег"],
        "RU-KRS": ["Kursk", "Kurskaya", "Курская", "Курська"],
        "RU-BEL": ["Belgorod", "Belgorodskaya", "Белгородская", "Бєлгородська"],
        "RU-BRY": ["Bryansk", "Bryanskaya", "Брянская", "Брянська"],
        "RU-KDA": ["Krasnodar", "Krasnodarsky", "Краснодарский", "Краснодарський"],
    ]

    private static let byName: [String: String] = {
        var index: [String: String] = [:]
        for (code, names) in names { for name in names { index[normalised(name)] = code } }
        return index
    }()

    /// The ISO 3166-2 code a region name stands for, if Truce knows it.
    public static func code(forName name: String) -> String? { byName[normalised(name)] }

    /// Whether `name` names the region `code` (by one of its known names, or its own given name).
    public static func name(_ name: String, matches code: String, givenName: String? = nil) -> Bool {
        if let known = self.code(forName: name) { return known == code }
        guard let givenName else { return false }
        return normalised(name) == normalised(givenName)
    }

    /// Whether a place in `country` with first-level region `admin1` lies in `region`: a country code, or any
    /// name of a region (known names in three languages, otherwise the same name).
    public static func place(country: String?, admin1: String?, isIn region: String) -> Bool {
        if country == region { return true }
        guard let admin1 else { return false }
        if let wanted = code(forName: region) { return code(forName: admin1) == wanted }
        return normalised(admin1) == normalised(region)
    }

    /// Lower case, without apostrophes, and without the words for "oblast", "region", "krai", "city".
    public static func normalised(_ name: String) -> String {
        let folded = name.lowercased().replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
        let dropped: Set<String> = ["oblast", "oblast.", "region", "province", "krai", "kray", "область", "обл.", "край", "oblast'"]
        return folded.split(whereSeparator: { $0 == " " || $0 == "," }).filter { !dropped.contains(String($0)) }.joined(separator: " ")
    }
}
