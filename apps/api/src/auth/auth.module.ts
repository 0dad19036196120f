import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { CsrfGuard } from './csrf.guard';
import { CsrfService } from './csrf.service';
import { PasswordHasher } from './password-hasher';
import { SignInLimiter } from './sign-in-limiter';

@Module({
  controllers: [AuthController],
  providers: [
    AuthService,
    CsrfService,
    PasswordHasher,
    SignInLimiter,
    // Order matters: who is asking first, then whether the write carries its CSRF token.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: CsrfGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
