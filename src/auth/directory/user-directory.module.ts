import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { UserRepository } from '../persistence/user.repository';
import { UserDocument, UserSchema } from '../persistence/user.schema';
import { GetMailRecipientHandler, ListMailRecipientsHandler, SetEmailCadenceHandler } from './mail-recipients.handlers';

/**
 * The users as other modules may read them (mail recipients), without the HTTP routes, guard or
 * tokens: the worker process imports it to send digests; AuthModule imports it in the API.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: UserDocument.name, schema: UserSchema }])],
  providers: [UserRepository, ListMailRecipientsHandler, GetMailRecipientHandler, SetEmailCadenceHandler],
  exports: [UserRepository, MongooseModule],
})
export class UserDirectoryModule {}
