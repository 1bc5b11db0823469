extension Regions {
    /// Palestinian territories as sources name them: the Gaza Strip and the West Bank as wholes.
    static let palestine: [String: [String]] = [
        "PS-GZA": ["Gaza Strip", "Gaza", "قطاع غزة", "Сектор Газа"],
        "PS-WBK": ["West Bank", "الضفة الغربية", "Западный берег"],
    ]

    /// The 34 provinces of Afghanistan by ISO 3166-2:AF code, with the spellings ACLED and UCDP use.
    static let afghanistan: [String: [String]] = [
        "AF-BDS": ["Badakhshan"],
        "AF-BDG": ["Badghis"],
        "AF-BGL": ["Baghlan"],
        "AF-BAL": ["Balkh"],
        "AF-BAM": ["Bamyan", "Bamiyan", "Bamian"],
        "AF-DAY": ["Daykundi", "Daikundi", "Daykondi"],
        "AF-FRA": ["Farah"],
        "AF-FYB": ["Faryab"],
        "AF-GHA": ["Ghazni"],
        "AF-GHO": ["Ghor"],
        "AF-HEL": ["Helmand", "Hilmand"],
        "AF-HER": ["Herat", "Hirat"],
        "AF-JOW": ["Jowzjan", "Jawzjan", "Jozjan"],
        "AF-KAB": ["Kabul", "Kabol"],
        "AF-KAN": ["Kandahar", "Qandahar"],
        "AF-KAP": ["Kapisa"],
        "AF-KHO": ["Khost", "Khowst"],
        "AF-KNR": ["Kunar", "Konar"],
        "AF-KDZ": ["Kunduz", "Kondoz", "Qunduz"],
        "AF-LAG": ["Laghman"],
        "AF-LOG": ["Logar", "Lowgar"],
        "AF-NAN": ["Nangarhar", "Ningarhar"],
        "AF-NIM": ["Nimroz", "Nimruz"],
        "AF-NUR": ["Nuristan", "Nurestan"],
        "AF-PIA": ["Paktia", "Paktiya"],
        "AF-PKA": ["Paktika"],
        "AF-PAN": ["Panjshir", "Panjshayr", "Panjsher"],
        "AF-PAR": ["Parwan", "Parvan"],
        "AF-SAM": ["Samangan"],
        "AF-SAR": ["Sar-e Pol", "Sar-e Pul", "Sari Pul", "Sar-i Pul"],
        "AF-TAK": ["Takhar"],
        "AF-URU": ["Uruzgan", "Urozgan", "Oruzgan"],
        "AF-WAR": ["Wardak", "Maidan Wardak", "Maydan Wardak"],
        "AF-ZAB": ["Zabul", "Zabol"],
    ]

    /// The governorates of Yemen by ISO 3166-2:YE code, with the spellings ACLED uses.
    static let yemen: [String: [String]] = [
        "YE-AB": ["Abyan"],
        "YE-AD": ["Aden", "Adan"],
        "YE-AM": ["Amran"],
        // "Al Bay?a'" is how GDELT files spell it, the "ḍ" lost.
        "YE-BA": ["Al Bayda", "Al Baydah", "Al Bayda'", "Bayda", "Al Bay?a'"],
        "YE-DA": ["Ad Dali", "Al Dhale", "Dhale", "Ad Dhale"],
        "YE-DH": ["Dhamar"],
        "YE-HD": ["Hadramawt", "Hadramaut", "Hadhramaut"],
        "YE-HJ": ["Hajjah"],
        "YE-HU": ["Al Hudaydah", "Hodeidah", "Al Hodeidah"],
        "YE-IB": ["Ibb"],
        "YE-JA": ["Al Jawf"],
        "YE-LA": ["Lahij", "Lahj"],
        "YE-MA": ["Marib"],
        "YE-MR": ["Al Mahrah", "Al Maharah", "Mahrah"],
        "YE-MW": ["Al Mahwit"],
        "YE-RA": ["Raymah", "Raimah"],
        "YE-SA": ["Amanat al Asimah", "Amanat Al Asimah", "Sanaa City", "Sana'a City"],
        "YE-SD": ["Sadah", "Saada", "Sa'dah"],
        "YE-SH": ["Shabwah", "Shabwa"],
        "YE-SN": ["Sanaa", "Sana'a", "San'a"],
        "YE-SU": ["Socotra", "Suqutra", "Arkhabil Suqutra"],
        "YE-TA": ["Taizz", "Ta'izz", "Taiz"],
    ]
}
