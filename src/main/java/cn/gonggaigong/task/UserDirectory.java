package cn.gonggaigong.task;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Names of users and groups as people read them (占陇镇经办员), from Camunda's identity (embedded or Keycloak). */
@Component
public class UserDirectory {

    private final IdentityService identity;
    private final SystemRights system;

    public UserDirectory(IdentityService identity, SystemRights system) {
        this.identity = identity;
        this.system = system;
    }

    public String name(String userId) {
        if (userId == null) {
            return null;
        }
        User user = system.call(() -> identity.createUserQuery().userId(userId).singleResult());
        return user == null ? userId : name(user);
    }

    /** How people read a user: last and first name, or the id when the user has neither. */
    public static String name(User user) {
        String last = user.getLastName() == null ? "" : user.getLastName();
        String first = user.getFirstName() == null ? "" : user.getFirstName();
        String name = (last + first).trim();
        return name.isEmpty() ? user.getId() : name;
    }

    /** Names of several users in one identity query, by user id; an id no user has stands for itself. */
    public Map<String, String> names(java.util.Collection<String> userIds) {
        Set<String> ids = userIds.stream().filter(java.util.Objects::nonNull).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new java.util.TreeMap<>();
        system.call(() -> identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).list())
                .forEach(u -> names.put(u.getId(), name(u)));
        ids.forEach(id -> names.putIfAbsent(id, id));
        return names;
    }

    public boolean exists(String userId) {
        return system.call(() -> identity.createUserQuery().userId(userId).count()) > 0;
    }

    /** The groups of a user, or empty when there is no such user (any more). */
    public java.util.Optional<Set<String>> groupsOf(String userId) {
        return system.call(() -> identity.createUserQuery().userId(userId).count() == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(identity.createGroupQuery().groupMember(userId).list().stream()
                        .map(Group::getId).collect(Collectors.toUnmodifiableSet())));
    }

    /** Whether the user belongs to at least one of the groups. */
    public boolean inAnyGroup(String userId, List<String> groups) {
        return !groups.isEmpty() && system.call(() -> identity.createGroupQuery().groupMember(userId)
                .groupIdIn(groups.toArray(String[]::new)).count()) > 0;
    }

    /** A user who can be chosen by name: id and display name. */
    public record Person(String userId, String name) {
    }

    /** The members of any of the groups, each once, by user id. */
    public List<Person> members(List<String> groups) {
        java.util.TreeMap<String, Person> people = new java.util.TreeMap<>();
        for (String group : groups) {
            system.call(() -> identity.createUserQuery().memberOfGroup(group).list())
                    .forEach(u -> people.putIfAbsent(u.getId(), new Person(u.getId(), name(u))));
        }
        return List.copyOf(people.values());
    }

    /**
     * What people read for responsible offices given by id (a task's candidate group, or a user where the task has
     * none): the group's name, else the person's name, else the id; one query for the groups, one for the rest.
     */
    public Map<String, String> officeNames(java.util.Collection<String> ids) {
        Set<String> offices = ids.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> groups = groupNames(offices);
        Map<String, String> names = new java.util.HashMap<>(names(offices.stream().filter(id -> !groups.containsKey(id)).toList()));
        names.putAll(groups);
        offices.forEach(id -> names.putIfAbsent(id, id));
        return names;
    }

    public Map<String, String> groupNames(Set<String> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        return system.call(() -> identity.createGroupQuery().groupIdIn(groupIds.toArray(String[]::new)).list())
                .stream().collect(Collectors.toMap(Group::getId, g -> g.getName() == null ? g.getId() : g.getName()));
    }
}
