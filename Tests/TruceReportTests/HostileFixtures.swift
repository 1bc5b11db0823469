/// Small inputs with the text hostile files carry: markup, formulas, quotes, commas, control characters,
/// bidirectional overrides and other scripts.
enum HostileFixtures {
    /// An ACLED export whose event ids need CSV quoting and HTML escaping.
    static let acled = """
        event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,iso,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities,timestamp
        UKR<script>alert(1)</script>,20 March 2025,2025,1,Explosions/Remote violence,Air/drone strike,Military Forces of Russia (2000-),804,Ukraine,Kharkiv Oblast,Kharkiv,49.99,36.23,1,Example,"On 20 March 2025, drones hit a substation.",0,1747267200
        "UKR ""quoted"", with comma",20 March 2025,2025,1,Explosions/Remote violence,Air/drone strike,Military Forces of Russia (2000-),804,Ukraine,Kharkiv Oblast,Kharkiv,49.99,36.23,1,Example,"On 20 March 2025, drones hit a substation.",0,1747267200
        UKR Харків №7,20 March 2025,2025,1,Explosions/Remote violence,Air/drone strike,Military Forces of Russia (2000-),804,Ukraine,Kharkiv Oblast,Kharkiv,49.99,36.23,1,=HYPERLINK(1),"@SUM(A1) hit a substation",0,1747267200

        """
    static let acledRows = 3

    /// Truce CSV rows whose ids and text start like formulas or hold markup and control characters.
    static let truceCSV = """
        id,start,time_zone,country,admin1,place,latitude,longitude,action,target_category,target_name,perpetrator,claimant,claimant_party,description,source_url
        "=HYPERLINK(""http://evil.example"",""click"")",2025-03-20,Europe/Kyiv,UA,Kharkiv Oblast,=cmd|' /C calc'!A0,-33.5,-70.6,drone_strike,energy,+1+cmd,RU,@SUM(A1:A9),UA,-2+3 <script>alert(1)</script>,https://example.org/1
        +1,2025-03-21,Europe/Kyiv,UA,Kharkiv Oblast,Kharkiv,49.99,36.23,drone_strike,energy,,RU,'=already quoted,UA,"Tab	inside, ""quotes"", Ж",https://example.org/2
        -1,2025-03-22,Europe/Kyiv,UA,Kharkiv Oblast,Kharkiv,49.99,36.23,drone_strike,energy,,RU,Reuters,,'plain quote,https://example.org/3
        @home,2025-03-23,Europe/Kyiv,UA,"Kharkiv | Oblast",Kharkiv,49.99,36.23,drone_strike,energy,,RU,Reuters,,"line one\r\nline two\nline three",https://example.org/4
        -2+3,2025-03-24,Europe/Kyiv,UA,Kharkiv Oblast,Kharkiv,49.99,36.23,drone_strike,energy,,RU,Reuters,,ok,https://example.org/5
        id with spaces and ünïcødé,2025-03-25,Europe/Kyiv,UA,Kharkiv Oblast,Kharkiv,49.99,36.23,drone_strike,energy,,RU,Reuters,,ok,https://example.org/6

        """
    static let truceCSVRows = 6

    /// Text a terminal or a Markdown renderer would act on: ESC colour codes, BEL, CR, DEL, a C1 control and
    /// a right-to-left override.
    static let controls = "\u{1B}[31mred\u{1B}[0m\u{07}\rback\u{7F}\u{9B}2J\u{202E}txet"
}
