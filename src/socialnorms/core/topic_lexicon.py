"""The built-in topics: what people post about, and the words that give it away.

A built-in plugin (named ``topics``): it registers one :class:`~socialnorms.Topic`
per subject through ``register_topics``. Another plugin can add terms to any of
these topics by registering a topic of the same name, or add topics of its own;
block this one with ``SOCIALNORMS_DISABLE_PLUGINS=topics`` to start from nothing.

Terms are written as people write them and matched without case, plural or
possessive (see :mod:`socialnorms.core.topics`). ``weak`` terms are words that often
mean something else (``pitch``, ``draft``, ``campaign``); ``idioms`` are phrases
that borrow a topic's words for something else (``touch base``, ``ballpark
figure``), so their words count for no topic. The measured precision and recall
of these lexicons are in ``docs/topics.md``.
"""

from __future__ import annotations

from .hookspecs import hookimpl
from .topics import Topic

__all__ = ["TOPICS", "register_topics"]


def _list(text: str) -> tuple[str, ...]:
    """Terms separated by commas or new lines."""
    return tuple(
        term.strip() for line in text.splitlines() for term in line.split(",") if term.strip()
    )


SPORTS = Topic(
    name="sports",
    description="Professional, amateur and fantasy sport: leagues, teams, players, matches, results.",
    terms=_list("""
        volleyball, beach volleyball, badminton, table tennis, ping pong, pickleball, padel, snooker, billiards,
        curling, lacrosse, field hockey, handball, water polo, cycling race, cyclist, velodrome, swimmer, rowing,
        regatta, surfing, surfer, skateboarding, snowboarding, skiing, ski jump, slalom, figure skating,
        speed skating, gymnastics, gymnast, track and field, sprinter, hurdles, long jump, high jump, pole vault,
        javelin, decathlon, heptathlon, wrestling, judo, karate, taekwondo, fencing, archery, weightlifting,
        powerlifting, horse racing, kentucky derby, grand national, melbourne cup, jockey, racecourse, nba draft,
        nfl draft, draft lottery, heisman, ballon d'or, golden boot, cy young, commonwealth games, asian games,
        x games, ncaa tournament, sweet sixteen, elite eight, bowl game, college football, college basketball,
        quarterfinal, quarterfinals, quarter-final, quarter-finals, semifinal, semifinals, semi-final, semi-finals,
        grand final, play-off, play-offs, knockout stage, group stage, spot kick, var decision, tiki-taka,
        away fans, home fans, away game, season opener, national team, matildas, lionesses, socceroos, usmnt,
        uswnt, three lions, azzurri, les bleus, la roja, seleção, proteas, black caps, team gb, olympian,
        olympians, boston qualifier, marathon majors, tempo run, gaffer, deadline day, relegated, league table,
        standings, points table, batting order, run rate, the toss, follow-on, maiden over, yorker, googly,
        spinner, edgbaston, eden gardens, gunners, gooners, red devils, hammers, toffees, magpies, villans,
        foxes fans, super league, nrl, afl, aussie rules, ncaa football, ncaa basketball, world series of poker,
        sportsmanship, sportsbook, sports betting,
        bye week, busted bracket, top of the table, not out, parkrun, personal best, etihad, anfield, old trafford, wembley, camp nou, bernabéu, bernabeu, lambeau, fenway, wrigley field, madison square garden, wrexham, malkin, gonzaga, uconn,
        sport, sports, sporting, athlete, athletics, stadium, referee, umpire, tailgate, tailgating,
        season ticket, scoreline, playoff, postseason, preseason, offseason,
        championship, title race, relegation, transfer window, free agency, free agent,
        trade deadline,
        draft pick, mvp, espn, sky sports, world cup, olympics, olympic, paralympics, fifa, uefa,
        ⚽, 🏀, 🏈, ⚾, 🏒, 🎾, 🏏, 🏉, 🏎, ⛳, 🥅, 🏟,
        nfl, super bowl, touchdown, touchdowns, field goal, end zone, qb, wide receiver,
        running back, tight end, linebacker, interception, fumble, first down, 3rd down, third down,
        4th down, fourth down, pass interference, red zone, punt, two-point conversion,
        hail mary pass,
        nba, wnba, ncaa, march madness, final four, three-pointer, 3-pointer, free throw,
        double-double,
        triple-double, buzzer beater, buzzer-beater, point guard, alley-oop, dunk,
        slam dunk contest,
        mlb, world series, inning, innings, homer, homers, strikeout, strikeouts, no-hitter,
        pitcher, shortstop, outfield, outfielder, bullpen, walk-off, walkoff, rbi, batting average,
        spring training, opening day, seventh-inning stretch,
        nhl, stanley cup, puck, goalie, hat trick, hat-trick, power play goal, penalty kill,
        slapshot,
        hockey, ice hockey, overtime winner,
        soccer, football, fútbol, futebol, fußball, calcio, サッカー, 足球, premier league, la liga,
        serie a,
        bundesliga, ligue 1, champions league, europa league, copa america, mls, nwsl, fa cup,
        goalkeeper, striker, midfielder, winger, penalty shootout, penalty kick, free kick,
        corner kick,
        stoppage time, injury time, offside, yellow card, red card, clean sheet, own goal,
        equaliser,
        equalizer, matchday, derby day,
        cricket, wicket, wickets, the crease, batsman, bowler, test match, odi, t20, ipl, big bash,
        the ashes, run chase, lbw, innings victory, 🏏,
        rugby, scrum, lineout, fly-half, six nations, rugby world cup, all blacks, springboks,
        wallabies, try line,
        tennis, wimbledon, us open, french open, roland garros, australian open, match point,
        set point,
        break point, tiebreak, tie-break, deuce, drop shot, atp, wta, davis cup,
        formula 1, formula one, f1, grand prix, pole position, qualifying lap, quali, pit stop,
        fastest lap, chequered flag, checkered flag, nascar, indycar, motogp, paddock,
        golf, pga, lpga, ryder cup, birdie, bogey, hole-in-one, fairway, putt,
        marathon, half marathon, ultramarathon, triathlon, tour de france, peloton stage,
        boxing, ufc, mma, heavyweight title, knockout punch,
        fantasy football, fantasy league, fantasy team, fantasy basketball, fantasy baseball,
        fantasy points, waiver wire, start sit, dfs lineup, mock draft, fantasy draft,
        cowboys, steelers, 49ers, niners, seahawks, buccaneers, bucs, bengals, broncos, raiders,
        dallas cowboys, green bay packers, new england patriots, new york giants, new york jets,
        philadelphia eagles, chicago bears, detroit lions, kansas city chiefs, baltimore ravens,
        buffalo bills, miami dolphins, minnesota vikings, atlanta falcons, carolina panthers,
        new orleans saints, arizona cardinals, los angeles rams, cleveland browns, tennessee titans,
        lakers, celtics, knicks, nuggets, mavericks, mavs, clippers, sixers, 76ers, raptors,
        grizzlies, timberwolves, cavaliers, cavs, pistons, pacers, trail blazers,
        golden state warriors,
        chicago bulls, miami heat, milwaukee bucks,
        yankees, red sox, dodgers, mets, cubs, white sox, astros, braves, phillies, padres,
        mariners,
        orioles, blue jays, rockies, marlins, diamondbacks, brewers, san francisco giants,
        leafs, maple leafs, canadiens, habs, bruins, oilers, canucks, blackhawks, red wings,
        golden knights, blue jackets, sabres, penguins hockey,
        arsenal, chelsea fc, tottenham, spurs fans, everton, aston villa, west ham, man utd,
        man united,
        manchester united, man city, manchester city, liverpool fc, newcastle united, real madrid,
        barça, barca, fc barcelona, atlético, atletico madrid, bayern, dortmund, juventus, juve,
        inter milan, ac milan, napoli, psg, paris saint-germain, benfica, inter miami,
        lebron, giannis, jokic, wembanyama, messi, ronaldo, mbappé, mbappe, haaland, saka, salah,
        kohli, dhoni, ohtani, mahomes, dak prescott, dak, tom brady, serena williams, federer,
        nadal,
        djokovic, alcaraz, verstappen, leclerc, mcdavid, crosby, ovechkin, simone biles, usain bolt,
        caitlin clark, steph curry, shohei
    """),
    weak_terms=_list("""
        squash, darts, bowling, polo, sailing, swimming, freestyle, climbing, bouldering, hall of fame,
        world championship, penalties, penalty, brace, nutmeg, the lads, home game, opening ceremony, national anthem,
        medal, gold medal, world record, qualifier, ultra, trail race, long run, strava, sacked, transfer, signing,
        contract extension, promoted, declared, duck, irons, saints fans, wolves, owls, dubs,
        4th quarter, fourth quarter, point lead, defense, defence, the paint, bracket, pb, duke, pens, 🏃,
        halftime, half time, game, games, match, team, season, coach, ref, refs, win, finals, final,
        league, tournament, trophy, 🏆, squad, roster, lineup, fixture, derby, podium, lap, race,
        race day, sprint, 10k, 5k, ironman, pitch, draft, home run, slam dunk, grand slam, overtime,
        kickoff, kick-off, shootout, extra time, rebound, assist, ace, baseline, pole, jersey,
        arena,
        ballpark, defender, keeper, century, sixes, quarterback, sack, masters, bat, goal,
        goals, scored, scores, score, player, players, fans, fan, win streak, comeback,
        giants, jets, patriots, bears, lions, eagles, chiefs, ravens, bills, dolphins, vikings,
        falcons, panthers, saints, cardinals, rams, browns, titans, jaguars, texans, colts,
        chargers,
        packers, commanders, warriors, bulls, heat, bucks, spurs, rockets, pelicans, hawks, hornets,
        magic, nets, suns, thunder, jazz, kings, blazers, rays, guardians, tigers, twins, royals,
        rangers, angels, reds, pirates, nationals, flames, senators, penguins, flyers,
        avalanche, islanders, capitals, lightning, predators, kraken, hurricanes, devils, ducks,
        wild, stars, blues, sharks, liverpool, barcelona, ajax, porto, galaxy, hamilton,
        norris, kane, judge, curry, kelce, sinner, brady
    """),
    idioms=_list("""
        touch base, ballpark figure, ballpark estimate, in the ballpark,
        marathon not a sprint, a marathon not a sprint, not a sprint,
        marathon session, movie marathon, tv marathon, binge marathon, hit a home run,
        home run with, hit it out of the park,
        step up to the plate, stepped up to the plate, drop the ball, dropped the ball,
        ball is in your court, ball is in their court, ball is in our court,
        level playing field, move the goalposts, moving the goalposts, moved the goalposts,
        out of left field, full-court press, full court press,
        game changer, game-changer, team player, par for the course, hail mary pitch,
        across the finish line, race to the bottom, win-win,
        kickoff meeting, kick-off meeting, kick off the meeting, huddle on, on the bench,
        political football, sales pitch, elevator pitch,
        pitch deck, pitch to, moving the needle, move the needle, team sport, sprint planning,
        sprint review, sprint retro, design sprint, this sprint, next sprint, two-week sprint,
        score a meeting, scored a meeting, down to the wire, below the belt, in the same league,
        whole new ballgame, ballgame, keep your eye on the ball, on the ball, call an audible,
        monday morning quarterback, quarterback the, jump the gun, front runner, front-runner,
        saved by the bell, throw in the towel, the final stretch, cover all the bases,
        cover all bases,
        first base, second base, third base, off base, playbook
    """),
)

POLITICS = Topic(
    name="politics",
    description="Elections, parties, governments, legislation and political debate.",
    terms=_list("""
        petition, local democracy, democracy, press briefing, registered to vote, register to vote,
        voter registration, sanctions, senate floor, ruling party, minority government, hung parliament,
        immigration policy, asylum, border policy, write to your mp, state of the union,
        prime minister's questions, pmqs, speaker of the house, house speaker, state legislature, statehouse,
        ballot measure, constitutional, human rights, civil liberties, free speech, protesters, demonstrators,
        activists, activism, campaign rally, nominee, caucus, delegates, electoral college, recount, exit poll,
        approval rating, kremlin, nato, united nations, un security council, european parliament,
        european commission, g7, g20, diplomacy, diplomat, embassy, foreign policy, ceasefire, invasion, treaty,
        trade war, far right, far-right, far left, populist, populism, socialist, communist, fascism,
        authoritarian, dictator, regime, coup, corruption, super pac, campaign finance, government shutdown,
        debt ceiling, budget deficit, national debt, tax cuts, tax hike, austerity, public services, civil service,
        deregulation, city hall, council meeting, zoning board, public consultation,
        politics, political, politician, politicians, election, elections, electoral, vote, votes,
        voting, voter, voters, voter turnout, ballot, ballots, polling place, polling station,
        early voting, absentee ballot, swing state, swing states, midterm, midterms,
        incumbent, referendum, senate, senator, senators, congress, congressman, congresswoman,
        congressional, primary election, primary race, house of representatives, parliament,
        parliamentary, mp, mps, prime minister,
        presidential, governor, mayor, city council, councillor, council member, legislation,
        legislature, lawmakers, veto, vetoed, filibuster, lobbyist, lobbyists, lobbying, republican,
        republicans, democrat, democrats, democratic party, gop, tory, tories, labour party,
        lib dems,
        opposition leader, no-confidence vote, no confidence vote, coalition talks, brexit,
        westminster, white house, downing street, capitol hill, supreme court, executive order,
        impeachment, impeach, gerrymandering, gerrymandered, partisan, bipartisan, left-wing,
        right-wing, geopolitics, cabinet minister, minister, ministry,
        budget bill, farm bill, climate bill, immigration bill, the bill passed,
        town hall, call your representative, your representative, polls close, poll numbers,
        voting rights, civil rights, campaign trail, campaign season, debate stage, the debate,
        candidates debate, 🗳, #vote
    """),
    weak_terms=_list("""
        majority, refugees, press conference, the speaker, proposition, nomination, summit, ambassador, war,
        occupation, conflict, liberal, conservative, progressive, scandal, donors, regulation, law, welfare,
        public sector, planning permission,
        poll, polls, polling, campaign, candidate, candidates, debate, president, representative,
        bill, amendment, council, coalition, government, policy, policies, tariffs, immigration,
        protest, rally, conservatives, liberals, labour, constitution, cabinet, chancellor, zoning,
        housing plan, ordinance, party lines, primary
    """),
)

RELIGION = Topic(
    name="religion",
    description="Faith, worship, religious communities, texts and holy days.",
    terms=_list("""
        iftar, interfaith, proverbs, sukkah, sukkot, purim, seder, bar mitzvah, bat mitzvah, guru nanak, jayanti,
        vaisakhi, baisakhi, navratri, durga puja, ganesh chaturthi, janmashtami, krishna, shiva, vishnu, hanuman,
        bhagavad gita, vedas, mandir, dharma, dalai lama, monk, monks, nun, nuns, convent, abbey, sunday school,
        catechism, first communion, rosary, patron saint, bishop, archbishop, vicar, reverend, deacon,
        missionary, mission trip, evangelical, evangelism, baptist, methodist, anglican, orthodox church,
        lutheran, pentecostal, presbyterian, mormon, lds church, jehovah's witnesses, quaker, prophet, muhammad,
        hadith, sunnah, salah, jummah, zakat, umrah, laylat al-qadr, eid al-adha, eid al-fitr, qurbani,
        alhamdulillah, subhanallah, mashallah, bismillah, holy week, palm sunday, maundy thursday, resurrection,
        crucifixion, nativity, christmas mass, midnight mass, hymn, hymns, praise and worship, gospel choir,
        homily, liturgy, parable, apostle, disciples, verse of the day, bible verse, tithe, tithing,
        thank you lord, god bless, god willing, by god's grace, pray for, prayer request,
        religion, religious, faith community, god, jesus, christ, lord jesus, prayer, prayers, pray,
        praying, prayed, church, sermon, pastor, priest, parish, congregation, worship, bible,
        scripture, scriptures, psalm, psalms, gospel reading, amen, hallelujah, mosque, imam, quran,
        koran, ramadan, ramadan mubarak, eid, eid mubarak, hajj, mecca, islam, islamic, muslim,
        muslims, allah, inshallah, synagogue, rabbi, torah, shabbat, shabbat shalom, hanukkah,
        chanukah, menorah, passover, rosh hashanah, yom kippur, hindu, hinduism, puja, diwali,
        diyas,
        temple visit, sikh, gurdwara, golden temple, langar, buddhist, buddhism, buddha, monastery,
        vesak, christian, christians, christianity, catholic, pope, vatican, cathedral, chapel,
        lent, good friday, ash wednesday, advent, baptism, baptized, holy communion, devotional,
        bible study, youth group, vespers, salvation, pilgrimage, sunday service,
        mass this morning, holy spirit, god is good, thank you jesus, praise god, blessed sunday,
        ✝, ☪, ✡, 🕌, 🕍, ⛪, 🪔, 📿
    """),
    weak_terms=_list("""
        candle, holi, karma, nirvana, zen, confirmation, saint, elder, fasting, halal, hijab, devotion,
        faith, faithful, blessed, blessing, blessings, 🙏, grace, heaven, heavenly, holy, spiritual,
        spirituality, choir, vigil, easter, temple, sin, forgiveness, gospel, communion, confession,
        meditation retreat, lord
    """),
)

PERSONAL_LIFE = Topic(
    name="personal-life",
    description="Family, friends, home, pets, holidays and the events of a private life.",
    terms=_list("""
        baby girl, baby boy, birth announcement, welcome to the world, mum and baby, downsize, downsizing,
        golden retriever, labrador, rescue dog, our rescue, first holiday without, missing him, missing her,
        in memory of, years of marriage, our marriage, neighbours, neighbors, family reunion, family gathering,
        thanksgiving dinner, christmas dinner, barbecue, gardening, allotment, my garden, our garden,
        houseplants, sourdough, babysitter, daycare, parenting, parenthood, mom life, dad life, mum life,
        single mom, stay-at-home, maternity leave, paternity leave, empty nest, grandkids, grandchildren,
        granddaughter, grandson, my uncle, my aunt, in-laws, mother-in-law, father-in-law, stepdad, stepmom,
        siblings, moving house, moved house, packing boxes, our first home, first home, new flat,
        new apartment, roommate, roommates, flatmate, flatmates, chores, spring cleaning, my birthday,
        birthday party, surprise party, my wedding, bridesmaid, best man, maid of honour, hen do, bachelorette,
        stag do, bachelor party,
        wife, husband, my amazing wife, my amazing husband,
        my wife, my husband, my partner and i, my kids, my son, my daughter, our son, our daughter,
        our little girl, our little boy, my baby, our baby, newborn, toddler,
        my mum, my mom, my dad, my parents, my grandma, my grandpa, grandma, grandpa, grandparents,
        my sister, my brother, my cousin, my nephew, my niece, my best friend, best friend, twins,
        birthday, bday, wedding anniversary, got married, our wedding,
        wedding day, honeymoon, got engaged, engagement ring, pregnant, we're expecting,
        first tooth,
        tooth fairy, first word, first steps, potty training, bedtime, family road trip, road trip,
        family holiday, family vacation, vacation, vacation mode, camping trip, beach day,
        moved into, new house, our new home, housewarming, renovating, sunday roast, pancakes,
        s'mores, my dog, our dog, the dog, my cat, our cat, the cat, puppy, kitten, christmas tree,
        family dinner, miss my, passed away, funeral, grief, rest in peace,
        date night, the kids, our kids, my family, our family,
        🎂, 👶, 💍, 🐶, 🐱
    """),
    weak_terms=_list("""
        arrived, born, attic, memories, marriage, trip to, holiday season, hosting, bbq, baking, homemade,
        recipe, nursery, ❤️, laundry, rip,
        kids, son, daughter, mum, mom, dad, parents, sister, brother, baby, family,
        wedding, married, engaged, anniversary, holiday, weekend, beach, camping, dinner, kitchen,
        home, house, dog, cat, pet, christmas, friends, hospital
    """),
)

ENTERTAINMENT = Topic(
    name="entertainment",
    description="Film, television, music, celebrities, shows, festivals and pop culture.",
    terms=_list("""
        imax, blockbuster, spoiler, spoilers, no spoilers, box set, boxset, miniseries, docuseries, documentary,
        reality tv, reality show, love island, the bachelor, big brother, bake off, drag race, eurovision,
        x factor, american idol, setlist, encore, headliner, gig, gigs, mosh pit, vinyl, record store, mixtape,
        rapper, singer, songwriter, pop star, popstar, k-drama, kdrama, bollywood, nollywood, late night show,
        talk show, comedy special, stand-up special, standup, novelist, bestseller, booker prize, nolan, spielberg,
        tarantino, scorsese, greta gerwig, a24, dc comics, superhero movie, horror movie, rom-com, romcom,
        animated film, film critic, rotten tomatoes, letterboxd, imdb, teaser trailer, cameo, reboot, spin-off,
        crunchyroll, paparazzi, met gala, cannes, sundance, venice film festival, tony awards, brit awards, mtv,
        vmas, adele, ed sheeran, harry styles, dua lipa, olivia rodrigo, sabrina carpenter, the weeknd, bruno mars,
        lady gaga, coldplay, metallica, blackpink, zendaya, timothée chalamet, margot robbie, ryan gosling,
        tom cruise, pedro pascal, sally rooney, stephen king, booktok, audiobook,
        movie, movies, film festival, cinema, box office, trailer, sequel, prequel, remake,
        season finale, series finale, episode, episodes, tv show, tv series, sitcom, binge-watched,
        binge watched, binge-watching, binge watching, binged, rewatching, rewatch, netflix, hbo,
        hbo max, disney+, hulu, prime video, apple tv, oscars, oscar, academy awards, emmys, emmy,
        grammys, grammy, golden globes, baftas, red carpet, celebrity, celebrities, celeb, gossip,
        concert, concerts, album, albums, new single, song, songs, lyrics, playlist, spotify,
        on repeat,
        band, festival lineup, glastonbury, coachella, broadway, west end, musical, actor, actress,
        hollywood, marvel, pixar, dreamworks, star wars, taylor swift, swifties, eras tour, beyoncé,
        beyonce, kendrick, drake, rihanna, bad bunny, bts, k-pop, kpop, billie eilish,
        halftime show,
        comedian, stand-up, stand up comedy, anime, manga, the bear, succession, stranger things,
        severance, the last of us, barbie, oppenheimer, friends reunion, house of the dragon,
        game of thrones, singing along, front row, world tour, music video, soundtrack, 🎬, 🍿, 🎤, 🎧,
        🎶, 🎵
    """),
    weak_terms=_list("""
        residency, charts, ep, book club, pulitzer, screening, streaming service, youtube video, fandom,
        film, show, shows, series, finale, theatre, theater, festival, tour, single, director,
        streaming, podcast, novel, book, reviews, tickets, premiere, fans, dune, hamilton, friends,
        season
    """),
)

DATING = Topic(
    name="dating",
    description="Looking for romance: dating apps, dates, crushes, flirting and break-ups.",
    terms=_list("""
        fourth date, fifth date, picnic date, dinner date, coffee date, first kiss, in a relationship,
        relationship status, single and thriving, singlehood, the apps, on the apps, dating scene, dating pool,
        love bombing, breadcrumbing, rizz, pick-up line, pickup line, catfish, catfished, hinge prompt, my ex,
        ex boyfriend, ex-boyfriend, ex girlfriend, ex-girlfriend, heartbreak, heartbroken, broke up with,
        getting back together, slid into my dms, dm slide, text first, double text, double texting, left on read,
        hasn't texted, haven't texted, partner in crime,
        dating, first date, second date, third date, blind date, speed dating, dating app,
        dating apps,
        dating profile, tinder, hinge, bumble, grindr, okcupid, match.com, swipe right, swipe left,
        swiped right, swiped left, left swipe, right swipe, swiping, ghosted, ghosting,
        situationship,
        crush, crushing on, asked her out, asked him out, ask her out, ask him out,
        single and ready,
        ready to mingle, valentine's day, valentine, boyfriend, girlfriend, love life, soulmate,
        flirt, flirting, text him, text her, texted me, texting after, dms open, wyd, talking stage,
        the one for me, looking for love, 💘, 💕, 😍
    """),
    weak_terms=_list("""
        butterflies, great date, a date, on a date, date last night,
        date, dates, match, matches, single, singles, partner, relationship, romance, romantic, ex,
        red flag, texted, talking every day, met someone, someone special
    """),
)

GAMING = Topic(
    name="gaming",
    description="Video games, consoles, esports, game streaming and tabletop games.",
    terms=_list("""
        healer, dps, pvp, pve, k/d, kd ratio, headshot, noob, ggs, matchmaking, battle pass, loot box, gacha,
        hollow knight, mario kart, smash bros, super smash bros, street fighter, tekken, mortal kombat,
        final fantasy, persona 5, metroid, kirby, splatoon, cyberpunk 2077, the witcher, red dead, assassin's creed,
        starfield, fallout, diablo, world of warcraft, hearthstone, genshin impact, valheim, terraria, among us,
        fall guys, rocket league, ea fc, madden, nba 2k, retro gaming, snes, nes, n64, game boy, gameboy, sega,
        atari, arcade, emulator, cozy games, cozy game, indie games, game awards, the game awards, gamescom, e3,
        steam next fest, early access, game jam, game dev, gamedev, indie dev, unreal engine, godot, streamer,
        let's play, walkthrough, save file, side quest, main quest, roguelike, metroidvania, soulslike,
        battle royale, ttrpg, dnd, dungeon master, catan, warhammer, magic: the gathering, mtg, game pass,
        xbox game pass, playstation plus, nintendo direct, console war,
        video game, video games, videogame, gaming, gamer, gamers, console, consoles, playstation,
        ps5,
        ps4, xbox, series x, nintendo, nintendo switch, switch 2, steam sale, steam summer sale,
        steam deck, pc gaming, gaming pc, twitch, esports, e-sports, speedrun, speedrunning,
        speedrunner, final boss, boss fight, ranked, respawn, fps, mmo, mmorpg, rpg, jrpg, co-op,
        multiplayer, dlc, patch notes, nerfed, nerf, loot, platinumed, level up,
        elden ring, zelda, mario, pokémon, pokemon, fortnite, minecraft, valorant,
        league of legends,
        call of duty, gta, gta 6, grand theft auto, baldur's gate, stardew valley, hades,
        god of war,
        halo, overwatch, apex legends, counter-strike, cs2, dota, roblox, animal crossing, skyrim,
        the sims, indie game, open world, tabletop, board game, board games, dungeons & dragons,
        d&d, lan party, controller, achievement unlocked, 🎮, 🕹
    """),
    weak_terms=_list("""
        raid, tank, gg, lobby, unity, checkpoint, trailers, retro,
        game, games, server, grinding, platinum, trophy, patch, boss, worlds, t1, squads, main,
        streaming, rtx, gpu
    """),
)

BUSINESS = Topic(
    name="business",
    description="Companies and how they run: strategy, customers, deals, funding, operations.",
    terms=_list("""
        expanding to, first office, headquarters, hq, three-year plan, five-year plan, strategic plan,
        business plan, net promoter score, nps, b corp, certified b corp, esg, sustainability report, renegotiate,
        supplier costs, cost cutting, cost savings, unit economics, burn rate, product-market fit, pmf, pivoting,
        pivoted, offsite, all-hands, org chart, reorg, executive team, leadership team, c-suite,
        board of directors, annual general meeting, agm, joint venture, licensing deal, distribution deal,
        wholesale, ecommerce, e-commerce, d2c, dtc, sme, smes, family business, customer support,
        customer service, support team, delivery times, fulfillment, fulfilment, inventory, operations team,
        ops team, okr, rfp, contract renewal, renewals, upsell, cross-sell, account manager, sales cycle,
        sales pipeline, crm, salesforce, quarterly numbers, board approved,
        paying customers,
        sales rep, sales reps, account executive, business development, closed the deal, closed a deal,
        closed deals, close deals, biggest deal, enterprise deals, sales targets, revenue targets,
        customer satisfaction, retailer, retailers, company history, market consolidation,
        business, businesses, revenue, profit, profits, profitability, b2b, b2c, startup, startups,
        founder, founders, co-founder, ceo, cfo, coo, board meeting, shareholders, stakeholders,
        series a, series b, series c, seed round, funding round, raised funding, venture capital,
        vc-backed, acquisition, acquired, merger, mergers, partnership, enterprise contract,
        enterprise customers, procurement, supply chain, operations, operating costs, headcount,
        scaling operations, scale-up, bootstrapped, arr, mrr, churn, customer retention,
        account management, sales team, vendor, vendors, supplier, suppliers, distributor,
        distributors, logistics, manufacturing, franchise, small business, small businesses,
        business owners, quarterly business review, fiscal year, kpi, kpis, okrs, go-to-market,
        market share, competitor, competitors, pricing, warehouse, new office, third office,
        restructured, business units, annual letter, overheads, cash flow, invoices, tender,
        tenders,
        term sheet, entrepreneur, entrepreneurs, entrepreneurship, our customers, our clients,
        customer success, client project, enterprise, year over year, yoy, signed a contract,
        strategy for, annual report, q1, q2, q3, q4, b2b saas
    """),
    weak_terms=_list("""
        expansion, pivot, runway, growth rate, marketplace, benchmark, revenue flat,
        managers, consolidating, retail, workflow, quota, customer, customers, client, clients, company, companies, sales, strategy, board, partners,
        contract, deal, deals, proposal, investors, margins, margin, quarter, pipeline, roadmap,
        leadership, management, retention, targets, audit, lease, growth, product launch, launch,
        accounts, account, team, office, offer, investor, meeting, pitch
    """),
)

MARKETING = Topic(
    name="marketing",
    description="Promoting products and brands: campaigns, content, advertising, SEO, email.",
    terms=_list("""
        tv ad, tv spot, out-of-home, waitlist, wait list, launch video, signups, sign-ups, subject line,
        subject lines, brand guidelines, brand guide, brand identity, visual identity, sponsored posts,
        sponsored post, creator partnerships, creator economy, cta, call to action, bounce rate,
        google analytics, attribution, marketing attribution, utm, utm parameters, lookalike audiences,
        first-party data, third-party cookies, segmentation, customer journey, touchpoints, positioning,
        tagline, slogan, jingle, press release, public relations, media coverage, earned media, owned media,
        paid media, social media strategy, community management, community manager, follower growth,
        posting schedule, content creator, thought leadership, podcast advertising, trade show, event marketing,
        lead magnet, ebook, e-book, drip campaign, cold email, outbound, inbound marketing, hubspot,
        marketing, marketer, marketers, branding, rebrand, rebranded, rebranding, brand awareness,
        brand storytelling, brand voice, seo, sem, ppc, organic search, keywords, keyword research,
        content marketing, content strategy, content calendar, social media calendar,
        email marketing, email campaign, email engagement, newsletter, open rates, open rate,
        click rates, click rate, click-through, ctr, conversion rate, conversions, landing page,
        a/b testing, a/b test, funnel, lead generation, lead gen, demand generation, influencer,
        influencers, influencer marketing, retargeting, paid ads, ad spend, advertising,
        copywriting,
        affiliate program, affiliate marketing, testimonial, testimonials, whitepaper, whitepapers,
        customer personas, buyer personas, marketing automation,
        campaign is live, new campaign, holiday campaign, ad campaign,
        marketing campaign, cmo, growth marketing, engagement rate, impressions, ugc, cpc, cpm,
        roas,
        brand ambassador, product marketing, go viral, viral post
    """),
    weak_terms=_list("""
        commercial, billboard, redesign, creators, style guide, analytics, cookies, personalization, messaging,
        followers, sponsorship, booth, swag, pr,
        campaign, campaigns, brand, ads, ad, leads, subscribers, engagement, reach, audience,
        storytelling, copy, social media, launch, webinar, benchmark report, logo, organic
    """),
)

TECHNOLOGY = Topic(
    name="technology",
    description="Software, hardware, the internet, AI, security and the industry that makes them.",
    terms=_list("""
        monorepo, bazel, build system, ci pipeline, dns, outage, postmortem, post-mortem, sre, observability,
        latency, caching, cdn, load balancer, terraform, ansible, self-hosting, self-hosted, homelab,
        raspberry pi, arduino, passkeys, password manager, authentication, data breach, hacked, hackers,
        bug bounty, exploit, cve, zero trust, api latency, refactor, refactoring, tech debt, technical debt,
        legacy code, pull request, code review, repo, repository, npm, pypi, react, vue, angular, node.js,
        nodejs, django, rails, kotlin, xcode, vscode, vim, emacs, ubuntu, debian, windows 11, macos, firefox,
        web browser, app store, play store, smartwatch, apple watch, airpods, vr headset, vision pro, ai model,
        ai models, ml model, fine-tuning, fine-tune, prompt engineering, ai agents, copilot, openai, anthropic,
        hugging face, inference, gpu cluster, data science, data engineering, dbt, databricks, kafka, big data,
        paas, iaas, tech company, big tech, silicon valley, release notes, changelog, firmware, tsmc, intel, amd,
        qualcomm, web3, blockchain,
        dark mode, sso, scim, single sign-on, oauth, 2fa, mfa, mobile app, web app, ios app, android app,
        technology, tech, software, hardware, api, apis, sdk, cloud computing, aws, azure, gcp,
        kubernetes, k8s, docker, containers, microservices, microservice, monolith, serverless,
        devops,
        ci/cd, github, gitlab, open source, open-source, open-sourced, javascript, typescript,
        golang, c++, postgres, postgresql, mysql, mongodb, database, databases, sql, nosql,
        data pipeline, etl, machine learning, ml workloads, ai, artificial intelligence, llm, llms,
        large language models, large language model, gpt, chatgpt, chatbot, chatbots,
        neural network,
        deep learning, generative ai, genai, cybersecurity, zero-day, vulnerability,
        vulnerabilities,
        ransomware, malware, phishing, firewall, firewalls, vpn, encryption, iphone, ipad, android,
        ios, macbook, linux, laptop, smartphone, 5g, iot, edge computing, quantum computing, qubits,
        semiconductor, semiconductors, gpu, gpus, cpu, nvidia, saas, webhooks, webhook, backend,
        frontend, developer, developers, programming, coding, coding assistants, compiler,
        gil, concurrency, borrow checker, deployment, downtime, uptime, smart home, wearables, vr,
        augmented reality, metaverse, tech stack, our stack, python 3, app update, beta,
        the cloud, to the cloud, data center, datacenter, robotics, automation tool, algorithm,
        algorithms, 💻, 🤖
    """),
    weak_terms=_list("""
        incident, on call, cache, script, scripts, automation, benchmarks, passwords, login, breach, engineers,
        engineering team, commit, swift, chrome, browser, pixel, headset, agents, gemini, snowflake, spark,
        dashboard, drivers,
        shipped, rolled out, release, mobile,
        app, apps, cloud, python, rust, java, go, code, bug, deploy, server, servers, stack,
        migration,
        migrated, update, data, security, patch, chip, chips, apple, google, microsoft, amazon,
        meta,
        internet, online, digital, platform, tool, engineering, charger, devices, models,
    """),
)

CAREERS = Topic(
    name="careers",
    description="Jobs and working lives: hiring, job hunting, promotions, interviews, career moves.",
    terms=_list("""
        job market, take-home, hiring manager, apprentices, apprenticeship, apprenticeships, no degree needed,
        pay cut, pay rise, compensation, career switch, career pivot, first promotion, support desk, help desk,
        remote work, remote-first, work from home, wfh, hybrid work, return to office, four-day week, 4-day week,
        workplace, my boss, performance review, one-on-one, quiet quitting, notice period, two weeks notice,
        handed in my notice, new chapter, next chapter, career growth, upskilling, reskilling, side hustle,
        gig economy, job board, glassdoor, headhunter, headhunted, talent pool, employer branding, job fair,
        career fair, graduate scheme, grad scheme, new grad, entry-level, entry level, junior role, senior role,
        staff engineer, principal engineer, data scientist, software engineer, product manager, new role as,
        vp of, vice president of, job title, product designer, we're looking for a,
        hiring, we're hiring, we are hiring, now hiring, job offer, career, careers,
        resume, résumé, cv, cover letter, job interview, interview prep, interviewing, recruiter,
        recruiters, recruiting, recruitment, new hire, new hires, internship, internships, intern,
        interns, promoted, got promoted, new role, new position, open role, open roles,
        open position, job description, job hunting, job search, job seekers, laid off, layoff,
        layoffs, unemployed, salary, salaries, negotiate your salary, freelance, freelancer,
        career change, switching careers, mentorship, head of, remote jobs, graduate roles,
        join our team, open to work, opentowork, accepted an offer, excited to join,
        starting a new position, last day at, first day at, my last day, new job, onboarding,
        talent acquisition, apply now, job posting, job postings, roles in, senior pm,
        engineering manager
    """),
    weak_terms=_list("""
        rejections, rejection, candidate, candidates, coworkers, manager, boss, resignation, resigned,
        certification, portfolio, utility player,
        joining, designer, engineer, looking for a,
        job, jobs, interview, offer, promotion, raise, mentor, mentors, referral, referrals, hybrid,
        senior,
        role, roles, position, team player, colleagues, opportunities, talent, linkedin,
        applications
    """),
)

EDUCATION = Topic(
    name="education",
    description="Schools, universities, teaching and learning, students and exams.",
    terms=_list("""
        science fair, certificate in, evening classes, night school, adult education, continuing education,
        school supplies, open day, uni, grading, essays, coursework, bootcamp, coding bootcamp, high schoolers,
        high school, middle school, elementary school, primary school, secondary school, sixth form, gcse, gcses,
        a-levels, gpa, valedictorian, commencement, alumni, tuition, tuition fees, student debt, financial aid,
        dorm, freshman, freshmen, sophomore, undergrad, undergraduate, postgraduate, grad school, mba,
        online learning, moocs, coursera, khan academy, duolingo, language learning, spelling test,
        times tables, field trip, school trip, back to school, school run, teacher appreciation, headteacher,
        faculty, tenure,
        education, school, schools, teacher, teachers, teaching, student, students, classroom,
        lesson planning, lesson plan, curriculum, university, college, campus, online course,
        free course, degree, degrees, master's, masters program, master's program, phd,
        dissertation, thesis, graduation, graduated, class of, exams, exam, final exams, homework,
        tutoring, tutor, kindergarten, preschool, school board, school district, semester,
        scholarship, scholarships, student loan, student loans, enrollment, enrolment, graders,
        fifth graders, professor, lecture, lecturer, literacy, e-learning, edtech, homeschooling,
        homeschool, parent-teacher, teaching assistant, teaching assistants, substitute teacher,
        substitute teachers, studying for, pupils, academic, academia, syllabus, phd defense, 🎓, 📚
    """),
    weak_terms=_list("""
        certificate, supplies, marking, assignment, assignments, deadline, principal, seminar, campus tour,
        class, lesson, lessons, course, courses, graduate, finals, grades, grade, learning, learn,
        library, study, studying, workshop, district
    """),
)

SCIENCE = Topic(
    name="science",
    description="Research and discovery: physics, biology, space, climate and the scientific method.",
    terms=_list("""
        astronomers, naked eye, meteor, meteor shower, meteorite, aurora, northern lights, supernova, nebula,
        constellation, observatory, stargazing, microbiome, gut bacteria, bacteria, antibiotic resistance,
        ice cores, co2 levels, carbon dioxide, greenhouse gases, global warming, new species, amphibians,
        large hadron collider, lhc, cern, particle accelerator, higgs, quark, collider, preprint, arxiv,
        replication, reproducibility, citizen science, fieldwork, specimen, specimens, natural history museum,
        paleontologist, archaeology, archaeologists, excavation, ancient dna, carbon dating, geology, volcano,
        seismic, tectonic, oceanography, marine biology, deep sea, ecosystem, endangered species, extinct,
        extinction, moon landing, lunar, artemis, iss, space station, astronaut, spacecraft, orbit,
        rocket launch, quantum physics, relativity, dark matter, dark energy, big bang, cosmology, chemist,
        enzyme, neuron, neurons, stem cells, gene editing, model organism, fruit flies, journal cell,
        science, scientist, scientists, scientific, researchers, peer review, peer-reviewed,
        physics,
        physicist, physicists, chemistry, biology, biologist, evolutionary biology, evolution,
        genome,
        dna, genetics, gene therapy, crispr, protein folding, protein, lab results, laboratory,
        experiment, hypothesis, nasa, esa, telescope, james webb, jwst, hubble, planet,
        planets, exoplanet, mars, rover, asteroid, comet, solar eclipse, eclipse, black hole,
        neutron star, gravitational waves, astronomy, astronomer, astrophysics, spacex,
        climate change,
        climate science, climate model, sea ice, glacier, glaciers, coral bleaching, ecology,
        biodiversity, species, fossil, fossils, dinosaur, paleontology, microplastics,
        nuclear fusion,
        fusion experiment, particle physics, muon, neuroscience, nobel prize, field season,
        new study, study finds, open access, dataset, organic molecules, molecules,
        electron microscope,
        microscope, sequenced, pillars of creation, our paper, the paper, published in,
        nature paper,
        🔬, 🧪, 🧬, 🔭, 🌌
    """),
    weak_terms=_list("""
        frog, frogs, cell, museum, earthquake, rainforest, conservation, satellite, probe, mice, warming,
        research, study, studies, paper, journal, nature, lab, data, space, rocket, arctic,
        quantum, galaxy, cells, survey, results, volunteers, measurement, clinical trial,
        trial results
    """),
)

FINANCE = Topic(
    name="finance",
    description="Money and markets: investing, stocks, rates, banking, crypto and personal finance.",
    terms=_list("""
        paid off, student debt, debt-free, gold price, all-time high, currency, currencies, forex, exchange rate,
        yen, pound sterling, sterling, refinance, refinancing, emergency fund, index investing, passive investing,
        robo-advisor, brokerage, broker, quarterly dividend, stock split, share price, market cap, sell-off,
        selloff, bull run, short squeeze, options trading, call options, put options, futures, commodities,
        oil prices, crude oil, deflation, stagflation, wage growth, bank of england, ecb, bank of japan, boj,
        monetary policy, fiscal policy, quantitative easing, t-bills, yield curve, credit score, credit rating,
        remortgage, home loan, down payment, high-yield savings, hysa, isa, stocks and shares isa,
        superannuation, fire movement, financial independence, passive income, frugal, frugality, money tips,
        tax return, tax refund, irs, hmrc, accountant, bookkeeping, fintech, neobank, paypal, venmo, stablecoin,
        altcoin, solana, dogecoin, memecoin,
        finance, financial, stock market, stocks, s&p, s&p 500, dow jones, nasdaq, index fund,
        index funds, etf, etfs, bonds, bond market, treasury yields, bond yields, interest rates,
        interest rate, the fed, fed chair, rate hike, rate cut, rate cuts, federal reserve,
        central bank, inflation,
        cpi, recession, gdp, earnings call, earnings, eps, dividend, dividends, dividend stocks,
        ipo,
        portfolio, investing, hedge fund, hedge funds, 401(k), 401k, ira, roth ira, pension,
        retirement savings, saving for retirement, savings rates, budgeting, mortgage, mortgages,
        mortgage rates, credit card, credit card debt, debt, banking, crypto, cryptocurrency,
        bitcoin,
        btc, ethereum, eth, defi, nft, trading, day trading, traders, shorting, short selling,
        buybacks, stock buybacks, valuation, bull market, bear market, tax season, financial advice,
        not financial advice, personal finance, net worth, housing market, savings account,
        pay yourself first, active managers, jobs report, 📈, 📉, 💰, 💸
    """),
    weak_terms=_list("""
        gold, dollar, euro, invest, correction, deposit, payments, side income,
        market, markets, shares, investors, investment, investments, fund, returns,
        retirement, savings, budget, loan, loans, bank, banks, tax, taxes, money, price, prices,
        rates, yield, fed, bull, bear, wallet, free money, cash
    """),
    idioms=_list("""
        in stock, out of stock, back in stock, stock photo, stock photos, stock image, take stock,
        taking stock
    """),
)

HEALTH = Topic(
    name="health",
    description="Physical and mental health, medicine, fitness, nutrition and healthcare.",
    terms=_list("""
        knee replacement, hip replacement, walking frame, rehab, rehabilitation, skin cancer, check-up, checkup,
        health check, quit smoking, smoking, vaping, alcohol-free, sober, sobriety, dry january, migraines,
        migraine, dentist, dental, fillings, toothache, eye test, optician, blood test, bloodwork, cholesterol,
        heart attack, asthma, arthritis, chronic pain, chronic illness, long covid, adhd, autism, dementia,
        alzheimer's, parkinson's, cancer treatment, chemo, chemotherapy, radiotherapy, remission, pharmacy,
        pharmacist, prescription, antibiotics, painkillers, ibuprofen, paracetamol, my gp, gp appointment,
        doctor's appointment, nhs, medicare, medicaid, health insurance, ozempic, nutritionist, dietitian,
        mediterranean diet, intermittent fasting, personal trainer, strength training, cardio, hiit, insomnia,
        panic attack, panic attacks, ptsd, counselling, counseling, mindfulness, self-care, 🏥,
        health, healthcare, health care, doctor, doctors, nurse, nurses, clinic, clinics,
        medicine, medication, medications, vaccine, vaccines, vaccination, booster, flu, flu shot,
        flu shots, covid, measles, cancer, cancer screening, diabetes, type 2 diabetes,
        blood pressure, heart disease, mental health, anxiety, depression, therapy, therapist,
        therapists, burnout, wellbeing, well-being, wellness, fitness, workout, workouts, exercise,
        gym, yoga, pilates, calories, nutrition, gluten-free, physio, physiotherapy,
        physical therapy, surgery, knee surgery, acl, back pain, allergy, allergies, allergy season,
        sick day, illness, symptoms, diagnosed, diagnosis, screening, telehealth,
        emergency room, a&e, public health, pandemic, epidemic, weight loss, waiting lists,
        patients, 🤧, 🩺, 💊, 🏋
    """),
    weak_terms=_list("""
        headache, headaches, teeth, glasses, stroke, operation, recovery, night shift, stretching, posture,
        meditation, 💪,
        hospital, sick, diet, sugar, sleep, stress, running, steps, injury, pain,
        healthy, stronger, water
    """),
)

#: The built-in topics, by name.
TOPICS: tuple[Topic, ...] = (
    BUSINESS,
    CAREERS,
    DATING,
    EDUCATION,
    ENTERTAINMENT,
    FINANCE,
    GAMING,
    HEALTH,
    MARKETING,
    PERSONAL_LIFE,
    POLITICS,
    RELIGION,
    SCIENCE,
    SPORTS,
    TECHNOLOGY,
)


@hookimpl
def register_topics(register):
    """Register the built-in topics."""
    for topic in TOPICS:
        register(topic)
