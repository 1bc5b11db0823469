import Foundation
import TruceTestSupport

/// ACLED-format CSV rows made up for tests: strikes in Ukraine and Russia in spring 2025, some on energy
/// targets, with about one row in `badEvery` unreadable (an impossible date), so imports quarantine some.
struct GeneratedACLED {
    static let header =
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
        + "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"
        + "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"

    static let places: [(country: String, iso: Int, admin1: String, place: String, latitude: Double, longitude: Double)] = [
        ("Ukraine", 804, "Kharkiv", "Kharkiv", 49.99, 36.23), ("Ukraine", 804, "Odesa", "Odesa", 46.48, 30.72),
        ("Ukraine", 804, "Dnipropetrovsk", "Kryvyi Rih", 47.91, 33.39), ("Ukraine", 804, "Kyiv City", "Kyiv", 50.45, 30.52),
        ("Russia", 643, "Saratov", "Saratov", 51.53, 46.03), ("Russia", 643, "Krasnodar", "Tuapse", 44.10, 39.07),
    ]
    static let targets = [
        "hit a substation, cutting power", "struck an oil refinery", "hit a residential building", "damaged a port warehouse",
        "struck a thermal power plant", "hit a railway station",
    ]

    /// The CSV text of `count` rows with ids `prefix0`, `prefix1`…, released at `release + index`.
    static func csv(prefix: String, count: Int, seed: UInt64, release: Int = 1_745_000_000, badEvery: Int = 97) -> String {
        var random = SeededGenerator(seed: seed)
        var text = header + "\n"
        for index in 0..<count {
            text += row(id: "\(prefix)\(index)", random: &random, release: release + index, bad: index % badEvery == badEvery - 1)
            text += "\n"
        }
        return text
    }

    static func row(id: String, random: inout SeededGenerator, release: Int, bad: Bool) -> String {
        let place = places[Int(random.next() % UInt64(places.count))]
        let russian = place.country == "Ukraine"
        let actor = russian ? "Military Forces of Russia (2000-)" : "Military Forces of Ukraine (2019-)"
        let day = 1 + Int(random.next() % 30)
        let month = ["March", "April"][Int(random.next() % 2)]
        let date = bad ? "31 April 2025" : "\(day) \(month) 2025"
        let target = targets[Int(random.next() % UInt64(targets.count))]
        let latitude = place.latitude + Double(random.next() % 1000) / 10_000
        let longitude = place.longitude + Double(random.next() % 1000) / 10_000
        let fatalities = random.next() % 4
        let notes = "\"On \(date), drones \(target) near \(place.place); report \(random.next() % 100_000).\""
        return [
            id, date, "2025", "1", "Political violence", "Explosions/Remote violence", "Air/drone strike", actor, "", "State forces",
            "", "", "", "State forces only", "", "\(place.iso)", "Europe", place.country, place.admin1, "", "", place.place,
            String(format: "%.4f", latitude), String(format: "%.4f", longitude), "1", "Example Wire", "National", notes,
            "\(fatalities)", "", "\(release)",
        ].joined(separator: ",")
    }
}
