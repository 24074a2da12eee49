import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# What is loaded by now (Django, Wagtail, the apps and their models) lives as
# long as the process: out of the garbage collector's sight, its full
# collections no longer walk through it every few requests (which cost as much
# as a whole page on a library page, measured with bench/search.py).
gc.freeze()
