from dancu.accounts.roles import Role


class LetterPerm:
    VIEW = "letters.view"  # the register of the province (identities sealed/redacted)
    HANDLE = "letters.handle"  # intake, actions, duplicates
    REVEAL = "letters.reveal_identity"  # see a denouncer's sealed identity (audited)
    APPROVE_DESTRUCTION = "letters.approve_destruction"
    IMPORT = "letters.import"
    RESPOND = "letters.respond"  # agency: letters forwarded to its body only


ROLE_PERMISSIONS = {
    Role.OFFICE_ADMIN: {
        LetterPerm.VIEW,
        LetterPerm.HANDLE,
        LetterPerm.REVEAL,
        LetterPerm.IMPORT,
        LetterPerm.APPROVE_DESTRUCTION,
    },
    Role.SPECIALIST: {LetterPerm.VIEW, LetterPerm.HANDLE, LetterPerm.IMPORT},
    Role.LEADER: {LetterPerm.VIEW, LetterPerm.REVEAL, LetterPerm.APPROVE_DESTRUCTION},
    Role.DELEGATE: {LetterPerm.VIEW},
    Role.VIEWER: {LetterPerm.VIEW},
    Role.AGENCY_RESPONDER: {LetterPerm.RESPOND},
}
