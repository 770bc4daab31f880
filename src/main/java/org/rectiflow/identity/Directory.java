package org.rectiflow.identity;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.rectiflow.engine.IdentityChangeListener;
import org.springframework.stereotype.Component;

/**
 * Reads people and departments from Camunda's identity service, the one place where they are kept. A person's groups
 * are asked for on every step they complete and every page they open, so they are kept for {@link #REMEMBERED}: this
 * node forgets them at once when users, groups or memberships change through the engine (Admin, our bootstrap; see
 * {@code engine/IdentityChangesPlugin}), another node sharing the database within that time. A signed-in session follows
 * them on its next request ({@link SessionGroupsFilter}).
 */
@Component
public class Directory implements IdentityChangeListener {

	static final Duration REMEMBERED = Duration.ofSeconds(30);

	private record Remembered(List<String> groupIds, long at) {
	}

	private final IdentityService identityService;

	private final Map<String, Remembered> groups = new ConcurrentHashMap<>();

	public Directory(IdentityService identityService) {
		this.identityService = identityService;
	}

	/** Drops what is remembered: the engine has just changed users, groups or memberships. */
	@Override
	public void identityChanged() {
		forget();
	}

	void forget() {
		this.groups.clear();
	}

	/** "Last First" as Chinese names are written, or the id when the person is unknown. */
	public String displayName(String userId) {
		if (userId == null) {
			return "";
		}
		User user = this.identityService.createUserQuery().userId(userId).singleResult();
		return (user != null) ? nameOf(user) : userId;
	}

	/**
	 * The names of several people with one query, for lists that would otherwise ask once per row; a person who is
	 * unknown is named by their id.
	 */
	public Map<String, String> displayNames(Collection<String> userIds) {
		List<String> ids = userIds.stream().filter(Objects::nonNull).distinct().toList();
		Map<String, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		for (User user : this.identityService.createUserQuery().userIdIn(ids.toArray(String[]::new)).list()) {
			names.put(user.getId(), nameOf(user));
		}
		ids.forEach((id) -> names.putIfAbsent(id, id));
		return names;
	}

	private static String nameOf(User user) {
		String name = ((user.getLastName() == null) ? "" : user.getLastName())
				+ ((user.getFirstName() == null) ? "" : user.getFirstName());
		return name.isBlank() ? user.getId() : name;
	}

	public boolean userExists(String userId) {
		return userId != null && this.identityService.createUserQuery().userId(userId).count() > 0;
	}

	/** Members of the leadership who are consulted on the draft plan. */
	public List<String> leaderIds() {
		return this.identityService.createUserQuery()
			.memberOfGroup(Groups.LEADERS)
			.orderByUserId()
			.asc()
			.list()
			.stream()
			.map(User::getId)
			.toList();
	}

	/**
	 * Whether a group is a department: one of {@link Department}, or a group of type {@link Groups#TYPE_DEPARTMENT}
	 * (a unit's own departments, issue 18, whose ids are unique across units).
	 */
	public boolean isDepartment(String groupId) {
		return Department.byGroupId(groupId).isPresent() || this.identityService.createGroupQuery()
			.groupId(groupId)
			.groupType(Groups.TYPE_DEPARTMENT)
			.count() > 0;
	}

	/** The leaders of one unit (members of the leadership with a membership of the unit's tenant). */
	public List<String> leaderIds(String unitId) {
		return this.identityService.createUserQuery()
			.memberOfGroup(Groups.LEADERS)
			.memberOfTenant(unitId)
			.orderByUserId()
			.asc()
			.list()
			.stream()
			.map(User::getId)
			.toList();
	}

	/** The groups a person belongs to, as the engine needs them to check authorizations. */
	public List<String> groupIds(String userId) {
		long now = System.nanoTime();
		Remembered remembered = this.groups.get(userId);
		if (remembered != null && now - remembered.at() < REMEMBERED.toNanos()) {
			return remembered.groupIds();
		}
		List<String> ids = this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map((g) -> g.getId())
			.toList();
		this.groups.put(userId, new Remembered(ids, now));
		return ids;
	}

	public boolean isMember(String userId, String groupId) {
		return userId != null && groupIds(userId).contains(groupId);
	}

}
