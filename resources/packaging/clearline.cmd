@echo off
rem `clearline`: the Clearline CLI of the installed desktop app. It runs the app's own
rem binary in CLI mode (Clearline.exe --cli ..., no window), because the packaged app
rem ships one native build and its RunAsNode fuse is off. Installed as
rem <install folder>\resources\clearline.cmd; the binary is one folder up.
rem A batch file waits for Clearline.exe to finish and passes on its exit code.
"%~dp0..\Clearline.exe" --cli %*
exit /b %ERRORLEVEL%
