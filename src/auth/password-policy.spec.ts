import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateUserDto } from './commands/create-user/create-user.dto';
import { isCommonPassword } from './password-policy';

describe('common passwords (ASVS 2.1.7)', () => {
  it.each(['password123', '1234567890', 'Password123', 'QWERTYUIOP', 'iloveyou12'])('refuses %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(['long-enough-1', 'city-password-1', 'correct horse battery staple'])('accepts %s', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });

  const dto = (password: unknown) => plainToInstance(CreateUserDto, { email: 'a@test.local', password, name: 'A', role: 'admin' });

  it('refuses a common password when a user is created, naming the field', async () => {
    const errors = await validate(dto('password123'));
    expect(errors.map((e) => e.property)).toEqual(['password']);
    expect(Object.values(errors[0].constraints ?? {})).toEqual([expect.stringMatching(/^password is one of the most common passwords/)]);
  });

  it('keeps the minimum length and accepts an uncommon password', async () => {
    expect((await validate(dto('xq7-zv9k'))).map((e) => Object.keys(e.constraints ?? {}))).toEqual([['minLength']]);
    // A common password that is also too short gets one error: the length.
    expect((await validate(dto('password'))).map((e) => Object.keys(e.constraints ?? {}))).toEqual([['minLength']]);
    expect(await validate(dto('long-enough-1'))).toEqual([]);
  });
});
