package io.github.vapisessionwebhook.store;

import io.github.vapisessionwebhook.session.SessionRepository;

class InMemorySessionRepositoryTest extends SessionRepositoryContract {

    @Override
    SessionRepository newRepository() {
        return new InMemorySessionRepository();
    }
}
