package vn.pcmd.analytics.testing;

import vn.pcmd.ingest.warehouse.Warehouse;

/**
 * A real place for the hand-computed tests: communes of two districts of Phú Yên (54) that the 2025 reform merged
 * into fewer communes of the new Đắk Lắk (66), with one commune abolished in 2024 and one split.
 *
 * <pre>
 * reporter                      district (2024)     vintage 2024 lands on     vintage 2025 lands on
 * 22027 Phường 3                555 TP Tuy Hoà      22033 (abolished 2024-10-31, unique successor Phường 5)
 *                                                                             22015 Phường Tuy Hòa (via 22033)
 * 22033 Phường 5                555 TP Tuy Hoà      22033                     22015 Phường Tuy Hòa
 * 22045 Xã Bình Kiến            555 TP Tuy Hoà      22045                     22045 Phường Bình Kiến
 * 22312 Xã Hòa Trị              563 H. Phú Hoà      22312                     22015 Phường Tuy Hòa — split between
 *                                                                             22015 (is_default=1) and 22303; goes whole to 22015
 * 22303 Xã Hòa Quang Bắc        563 H. Phú Hoà      22303                     22303 Xã Phú Hòa 2
 * 22319 Thị trấn Phú Hoà        563 H. Phú Hoà      22319                     22319 Xã Phú Hòa 1
 * 563 Huyện Phú Hoà (own IIA)   —                   563 (reported)            dropped: no district level in 2025
 * 54 Tỉnh Phú Yên (own IIA)     —                   54 (reported)             66 Tỉnh Đắk Lắk (reported)
 * </pre>
 *
 * Six communes (five in vintage 2024) become four in vintage 2025. The figures, by reporter ("–" = not sent):
 *
 * <pre>
 * iia_violators_total   2021 2022 2023 2024 2025(half)
 * 22027                    2    3    1    –    –
 * 22033                    3    4    5    6    2
 * 22045                    2    2    –   16    3      2023 missing
 * 22312                    0    2    2    4    1      a zero the year before 2022
 * 22303                    5    4    4    4    2
 * 22319                    1    2    4    8    5
 * 563 (own report)         –    –    –   17    –      disagrees with its communes' 16
 *
 * iia_violators_buyers / _sellers (2024, breakdowns of the total): 22033 4/2, 22045 10/–, 22319 5/3
 * iia_integrated_hiv (yes/no)   2023: 22027 Có, 22033 Không, 22045 Có, 22312 Có, 22303 Có, 22319 Có
 *                               2024: 22033 Có, 22045 Có, 22312 Có, 22303 Có, 22319 Không
 * iia_docs_issued (own reports only, 2024): 563 → 3, 54 → 7
 * iia_staff / iia_staff_trained (2024): 22033 4/2, 22045 2/2, 22312 5/1, 22303 4/3, 22319 2/1; (2023): 22303 6/1
 * </pre>
 *
 * The rolled-up sums, by hand (v2024 = vintage 2024, v2025 = vintage 2025):
 *
 * <pre>
 * iia_violators_total        2021 2022 2023 2024 2025   total
 * v2024 22033 (22027+22033)     5    7    6    6    2     26
 * v2024 22045                   2    2    –   16    3     23
 * v2024 22312                   0    2    2    4    1      9
 * v2024 22303                   5    4    4    4    2     19
 * v2024 22319                   1    2    4    8    5     20
 * v2024 555 (22033+22045)       7    9    6   22    5     49
 * v2024 563 (22312+22303+22319) 6    8   10   16    8     48   (reported 17 in 2024)
 * v2024 54, VN                 13   17   16   38   13     97
 * v2025 22015 (22027+22033+22312) 5  9    8   10    3     35
 * v2025 22045, 22303, 22319: as in v2024
 * v2025 66, VN                 13   17   16   38   13     97
 * </pre>
 */
public final class TuyHoaFixture {
    public static final String[] FACTS = {
            "22027,IIA,,iia_violators_total,2021,2",
            "22027,IIA,,iia_violators_total,2022,3",
            "22027,IIA,,iia_violators_total,2023,1",
            "22027,IIA,,iia_integrated_hiv,2023,Có",

            "22033,IIA,,iia_violators_total,2021,3",
            "22033,IIA,,iia_violators_total,2022,4",
            "22033,IIA,,iia_violators_total,2023,5",
            "22033,IIA,,iia_violators_total,2024,6",
            "22033,IIA,,iia_violators_total,2025,2",
            "22033,IIA,,iia_violators_buyers,2024,4",
            "22033,IIA,,iia_violators_sellers,2024,2",
            "22033,IIA,,iia_integrated_hiv,2023,Không",
            "22033,IIA,,iia_integrated_hiv,2024,Có",
            "22033,IIA,,iia_staff,2024,4",
            "22033,IIA,,iia_staff_trained,2024,2",

            "22045,IIA,,iia_violators_total,2021,2",
            "22045,IIA,,iia_violators_total,2022,2",
            "22045,IIA,,iia_violators_total,2024,16",
            "22045,IIA,,iia_violators_total,2025,3",
            "22045,IIA,,iia_violators_buyers,2024,10",
            "22045,IIA,,iia_integrated_hiv,2023,Có",
            "22045,IIA,,iia_integrated_hiv,2024,Có",
            "22045,IIA,,iia_staff,2024,2",
            "22045,IIA,,iia_staff_trained,2024,2",

            "22312,IIA,,iia_violators_total,2021,0",
            "22312,IIA,,iia_violators_total,2022,2",
            "22312,IIA,,iia_violators_total,2023,2",
            "22312,IIA,,iia_violators_total,2024,4",
            "22312,IIA,,iia_violators_total,2025,1",
            "22312,IIA,,iia_integrated_hiv,2023,Có",
            "22312,IIA,,iia_integrated_hiv,2024,Có",
            "22312,IIA,,iia_staff,2024,5",
            "22312,IIA,,iia_staff_trained,2024,1",

            "22303,IIA,,iia_violators_total,2021,5",
            "22303,IIA,,iia_violators_total,2022,4",
            "22303,IIA,,iia_violators_total,2023,4",
            "22303,IIA,,iia_violators_total,2024,4",
            "22303,IIA,,iia_violators_total,2025,2",
            "22303,IIA,,iia_integrated_hiv,2023,Có",
            "22303,IIA,,iia_integrated_hiv,2024,Có",
            "22303,IIA,,iia_staff,2023,6",
            "22303,IIA,,iia_staff_trained,2023,1",
            "22303,IIA,,iia_staff,2024,4",
            "22303,IIA,,iia_staff_trained,2024,3",

            "22319,IIA,,iia_violators_total,2021,1",
            "22319,IIA,,iia_violators_total,2022,2",
            "22319,IIA,,iia_violators_total,2023,4",
            "22319,IIA,,iia_violators_total,2024,8",
            "22319,IIA,,iia_violators_total,2025,5",
            "22319,IIA,,iia_violators_buyers,2024,5",
            "22319,IIA,,iia_violators_sellers,2024,3",
            "22319,IIA,,iia_integrated_hiv,2023,Có",
            "22319,IIA,,iia_integrated_hiv,2024,Không",
            "22319,IIA,,iia_staff,2024,2",
            "22319,IIA,,iia_staff_trained,2024,1",

            "563,IIA,,iia_violators_total,2024,17",
            "563,IIA,,iia_docs_issued,2024,3",
            "54,IIA,,iia_docs_issued,2024,7",
    };

    private TuyHoaFixture() {}

    /** Ingests {@link #FACTS} into the warehouse as one CSV file. */
    public static void ingest(Warehouse warehouse) {
        AnalyticsFixture.ingest(warehouse, "tuy-hoa.csv", FACTS);
    }
}
