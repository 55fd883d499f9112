import { TokenAndPasswordDto } from '../account-token.dto-fields';

/** `{token, password}`: the token of the reset link and the new password. */
export class ConfirmPasswordResetDto extends TokenAndPasswordDto {}
