from dancu.accounts.roles import Role


class CouncilPerm:
    VIEW = "council.view"  # sessions, submissions, votes, resolutions, questions of the province
    MANAGE = "council.manage"  # prepare sessions, record attendance, votes, questions, meetings
    ADOPT = "council.adopt"  # adopt (number) and publish resolutions, announce confidence votes
    FOLLOW_UP = "council.follow_up"  # report follow-up of resolutions (an agency: those it implements)
    RESOLUTIONS = "council.resolutions"  # the resolution pages (an agency: those it implements)


ROLE_PERMISSIONS = {
    Role.OFFICE_ADMIN: {
        CouncilPerm.VIEW,
        CouncilPerm.RESOLUTIONS,
        CouncilPerm.MANAGE,
        CouncilPerm.ADOPT,
        CouncilPerm.FOLLOW_UP,
    },
    Role.SPECIALIST: {CouncilPerm.VIEW, CouncilPerm.RESOLUTIONS, CouncilPerm.MANAGE, CouncilPerm.FOLLOW_UP},
    Role.LEADER: {CouncilPerm.VIEW, CouncilPerm.RESOLUTIONS, CouncilPerm.ADOPT},
    Role.DELEGATE: {CouncilPerm.VIEW, CouncilPerm.RESOLUTIONS},
    Role.VIEWER: {CouncilPerm.VIEW, CouncilPerm.RESOLUTIONS},
    Role.AGENCY_RESPONDER: {CouncilPerm.FOLLOW_UP, CouncilPerm.RESOLUTIONS},
}
