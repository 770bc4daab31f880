package org.rectiflow.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Reads people and departments from Camunda's identity service, the one place where they are kept.
 */
@Component
public class Directory {

	private final IdentityService identityService;

	public Directory(IdentityService identityService) {
		this.identityService = identityService;
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

	/** The groups a person belongs to, as the engine needs them to check authorizations. */
	public List<String> groupIds(String userId) {
		return this.identityService.createGroupQuery().groupMember(userId).list().stream().map((g) -> g.getId()).toList();
	}

	public boolean isMember(String userId, String groupId) {
		return this.identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
	}

}
