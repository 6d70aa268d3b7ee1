package dev.userpool.core.port.in;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserId;

/** What an operator does with accounts. Every action names the administrator who took it. */
public interface Administration {

    /** The administrator behind a bearer token: {@code NotAuthorized} when the token is invalid or not an admin's. */
    Administrator authorize(String bearerToken);

    Page<User> listUsers(Administrator admin, UserFilter filter, PageRequest page);

    User findUser(Administrator admin, String email);

    /** Confirms an {@code UNCONFIRMED} account; the address stays unverified. */
    User confirm(AdminCommand command);

    User disable(AdminCommand command);

    User enable(AdminCommand command);

    void delete(AdminCommand command);

    record Administrator(UserId id, EmailAddress email) {}

    record AdminCommand(Administrator admin, String email, RequestContext context) {}
}
