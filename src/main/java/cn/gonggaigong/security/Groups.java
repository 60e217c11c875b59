package cn.gonggaigong.security;

import java.util.Set;

/** The group ids the authorization rules name (the same in keycloak-realm.json, Camunda and the models). */
public final class Groups {

    public static final String NRB = "nrb";
    public static final String PLANNING_COMMITTEE = "planning-committee";
    public static final String MUNICIPAL_GOVERNMENT = "municipal-government";
    public static final String PREFECTURE_NRB = "prefecture-nrb";
    public static final String PREFECTURE_GOVERNMENT = "prefecture-government";
    public static final String LEADING_GROUP = "leading-group";
    public static final String LEADING_GROUP_OFFICE = "leading-group-office";
    public static final String APPLICANTS = "applicants";
    public static final String ADMINS = "admins";
    public static final String TOWN_PREFIX = "town-";
    public static final String DEPARTMENT_PREFIX = "dept-";

    /** Read every project and its history; the leading group works on nothing it is not assigned. */
    public static final Set<String> OVERSEERS = Set.of(LEADING_GROUP, LEADING_GROUP_OFFICE, NRB, ADMINS);

    /** Government offices that take part in every project's review and so may read every project. */
    public static final Set<String> CITY_OFFICES = Set.of(NRB, PLANNING_COMMITTEE, MUNICIPAL_GOVERNMENT,
            PREFECTURE_NRB, PREFECTURE_GOVERNMENT, LEADING_GROUP, LEADING_GROUP_OFFICE, ADMINS);

    private Groups() {
    }

    public static boolean isTown(String group) {
        return group.startsWith(TOWN_PREFIX);
    }

    public static boolean isDepartment(String group) {
        return group.startsWith(DEPARTMENT_PREFIX);
    }
}
