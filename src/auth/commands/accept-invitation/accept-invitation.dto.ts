import { TokenAndPasswordDto } from '../account-token.dto-fields';

/** `{token, password}`: the token of the invitation's link and the password the new user chooses. */
export class AcceptInvitationDto extends TokenAndPasswordDto {}
