"""Who may do what with voter meetings and petitions (merged into the project matrix)."""

from dancu.accounts.roles import Role

VIEW = "petitions.view"  # meetings, petitions, reports of the province
CHANGE = "petitions.change"  # plan meetings, record opinions, consolidate, classify
FORWARD = "petitions.forward"  # forwarding batches, review of answers
ANSWER = "petitions.answer"  # an agency's own users answer what was forwarded to it
VIEW_VOTERS = "petitions.view_voters"  # who raised an opinion (personal data)

ROLE_PERMISSIONS = {
    Role.OFFICE_ADMIN: {VIEW, CHANGE, FORWARD, VIEW_VOTERS},
    Role.SPECIALIST: {VIEW, CHANGE, FORWARD, VIEW_VOTERS},
    Role.LEADER: {VIEW, FORWARD},
    Role.DELEGATE: {VIEW},
    Role.VIEWER: {VIEW},
    Role.AGENCY_RESPONDER: {ANSWER},
}
